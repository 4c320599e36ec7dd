-- Authors who share bylines, and how often.
--
-- Who writes with whom? Each pair once, in alphabetical order of the two names.
SELECT a1.name AS author, a2.name AS co_author, COUNT(*) AS shared_stories
FROM story_authors x
JOIN story_authors y ON y.story_id = x.story_id AND y.author_id <> x.author_id
JOIN authors a1 ON a1.id = x.author_id
JOIN authors a2 ON a2.id = y.author_id
WHERE a1.name < a2.name
GROUP BY a1.name, a2.name
ORDER BY shared_stories DESC, author, co_author
