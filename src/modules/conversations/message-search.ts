/**
 * The searchable text of a message, exactly as the expression GIN index
 * `ix_messages_search` was built (migration Conversations1795497249148): a
 * query must repeat it verbatim for the planner to use the index.
 */
export const MESSAGE_SEARCH_VECTOR = `to_tsvector('simple'::regconfig, coalesce(content, '')) || jsonb_to_tsvector('simple'::regconfig, coalesce(jsonb_path_query_array(parts, '$[*] ? (@.type == "text").text'), '[]'::jsonb), '["string"]'::jsonb)`;
