-- Rejected inputs counted by reason, the most common first.
--
-- What kind of bad input reaches the landing zone? Each reject keeps its bytes in
-- rejects.raw_zlib, so any of them can be examined.
SELECT reason, rejects, total_bytes, first_rejected_at, last_rejected_at
FROM dq_rejects_by_reason
ORDER BY rejects DESC, reason
