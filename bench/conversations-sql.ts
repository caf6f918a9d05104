/**
 * The page as one would write it by hand: the caller's conversation joined to
 * its newest messages (the ownership check is part of the question asked).
 */
export const NEWEST_PAGE_SQL = `SELECT m.* FROM app.conversations c
  JOIN app.messages m ON m.conversation_id = c.id
  WHERE c.id = $1 AND c.user_id = $2 ORDER BY m.id DESC LIMIT 51`;
