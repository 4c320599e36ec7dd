"""A logistic model over named features: a learned decision of the parser reads its
weights from a JSON file beside its module, written by bench/train_models.py."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class LogisticModel:
    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(
            w * features.get(n, 0.0) for n, w in zip(self.names, self.weights, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def says(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


@cache
def load_model(path: Path) -> LogisticModel | None:
    """The model at `path`; None where no model was trained (the rules decide alone)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return LogisticModel(
        names=tuple(data["names"]),
        weights=tuple(float(w) for w in data["weights"]),
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
    )
