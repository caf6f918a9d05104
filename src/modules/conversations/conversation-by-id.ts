/**
 * The conversation row by primary key, as a fenced subquery (OFFSET 0). With
 * the owner test beside it, the planner may otherwise walk the owner's whole
 * range of the activity index (user_id, last_activity_at, id) looking for the
 * id, which grows with the number of conversations a user has.
 */
export function conversationById(param: string): string {
  return `(SELECT id, user_id, visibility FROM app.conversations WHERE id = ${param}::uuid OFFSET 0)`;
}
