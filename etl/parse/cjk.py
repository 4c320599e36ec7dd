"""Datelines of the Chinese, Japanese and Korean agencies' own services.

Their house styles carry no capitals, commas or dashes for the general shapes to find:
Xinhua writes "新华社北京10月3日电" (Xinhua, Beijing, October 3, dispatch), China News
Service "中新社上海10月3日电", Kyodo "【ワシントン共同】", Jiji "【ソウル時事】", Yonhap
"(서울=연합뉴스)", AFP's Japanese service "【12月5日 AFP】". This module only finds them;
dateline.py resolves place and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The agency's name in its own script -> registry code.
_DISPATCH = {
    "新华社": "Xinhua", "新华网": "Xinhua", "中新社": "CNS", "中新网": "CNS", "韩联社": "Yonhap",
    "新華社": "Xinhua",
}
# (Yonhap's Japanese service signs "【ソウル聯合ニュース】"; the longer name is tried first.)
_BRACKETED = {"聯合ニュース": "Yonhap", "共同": "Kyodo", "時事": "Jiji", "时事": "Jiji"}
_KOREAN = {"연합뉴스": "Yonhap"}

_HAN = r"[\u4e00-\u9fff]"
_XINHUA = re.compile(
    rf"(?P<agency>{'|'.join(_DISPATCH)})(?:记者)?(?P<place>{_HAN}{{2,8}}?)"
    r"(?P<mon>[01]?\d)月(?P<day>[0-3]?\d)日(?:电|讯)"
)
# Xinhua's Japanese service: "【新華社北京1月7日】" (its name in Japanese characters, bracketed).
_XINHUA_JA = re.compile(
    rf"【(?P<agency>新華社)(?P<place>{_HAN}{{2,8}}?)(?P<mon>[01]?\d)月(?P<day>[0-3]?\d)日】"
)
# "（记者张三 李四）" right after the dispatch line: its reporters, a byline of their own.
REPORTERS = re.compile(r"[（(][ \t]*(?:记者|記者)[ \t]*(?P<names>[^）)\n]{1,40}?)[ \t]*[）)]")
_NAME_SEPARATORS = re.compile(r"[ \t、，,]+")


def reporters_at(rest: str, dateline_raw: str) -> re.Match[str] | None:
    """The reporters standing right after an agency's own dateline, else None."""
    if rest[:1] in "（(":
        return REPORTERS.match(rest)
    if "연합뉴스" in dateline_raw:
        return KOREAN_REPORTERS.match(rest)
    return None


def reporter_names(names: str) -> tuple[str, ...]:
    """"朱雨博 吴昊" -> the reporters, one by one."""
    return tuple(n for n in _NAME_SEPARATORS.split(names.strip()) if n)


_KYODO = re.compile(
    rf"【(?P<place>[^【】\s]{{1,10}}?)(?P<agency>{'|'.join(_BRACKETED)})】"
)
# AFP's Japanese service (AFPBB News): "【12月5日 AFP】", the day and the credit, no place.
_AFPBB = re.compile(r"【(?P<mon>[01]?\d)月(?P<day>[0-3]?\d)日[ \t\u3000]*(?P<agency>AFP)】")
_YONHAP = re.compile(
    rf"[(（](?P<place>[\uac00-\ud7a3·]{{1,12}})=(?P<agency>{'|'.join(_KOREAN)})[)）]"
)
# "김철수 이영희 기자 =" right after Yonhap's bracket: its reporters, a byline of their own.
KOREAN_REPORTERS = re.compile(
    r"(?P<names>[\uac00-\ud7a3]{2,4}(?:[ \t]+[\uac00-\ud7a3]{2,4}){0,5})"
    r"[ \t]*(?:기자|특파원)[ \t]*="
)
# A quick test before any of the above: a character of these scripts near the start.
_CJK_NEAR_START = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff08【]")


@dataclass(frozen=True, slots=True)
class CjkDateline:
    raw: str
    place: str
    agency: str
    month: int | None
    day: int | None
    end: int


def match_cjk(line: str, pos: int = 0) -> CjkDateline | None:
    """The agency's dateline at `pos`, or None."""
    if not _CJK_NEAR_START.search(line, pos, pos + 12):
        return None
    m = _XINHUA.match(line, pos) or _XINHUA_JA.match(line, pos)
    if m is not None:
        return CjkDateline(
            raw=m.group(0).strip(),
            place=m.group("place"),
            agency=_DISPATCH[m.group("agency")],
            month=int(m.group("mon")),
            day=int(m.group("day")),
            end=m.end(),
        )
    m = _AFPBB.match(line, pos)
    if m is not None:
        return CjkDateline(
            raw=m.group(0),
            place="",
            agency="AFP",
            month=int(m.group("mon")),
            day=int(m.group("day")),
            end=m.end(),
        )
    for pattern, names in ((_KYODO, _BRACKETED), (_YONHAP, _KOREAN)):
        m = pattern.match(line, pos)
        if m is not None:
            return CjkDateline(
                raw=m.group(0).strip(),
                place=m.group("place"),
                agency=names[m.group("agency")],
                month=None,
                day=None,
                end=m.end(),
            )
    return None
