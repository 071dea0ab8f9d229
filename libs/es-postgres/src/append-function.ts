/**
 * `<schema>.append_batch(...)`: several appends in one statement, so one round trip and one
 * commit (one WAL flush) serve a whole group of concurrent appends (see AppendQueue).
 *
 * Per append, in the order given, exactly the rules of the port (EventStore.append):
 * - idempotence: if any of its event ids is stored, it is a repeat (all stored, in this stream:
 *   status 'repeated' with the first result) or a conflict ('id_conflict'); nothing is written;
 * - optimistic concurrency: expected NULL = any, -1 = no_stream, n = exactly revision n, else
 *   'conflict' with the current revision; nothing is written;
 * - otherwise its events get the next revisions of the stream and the next global positions
 *   ('ok'); later appends in the same call see its revisions.
 * A refused append never fails the others in the call.
 *
 * Locks, as in the one-append-per-transaction design before it: first the rows of all streams
 * involved, in one (sorted) order for every writer, so two calls never deadlock; then the single
 * `head` row, last, held until commit. Positions are therefore handed out in commit order and stay
 * contiguous (a rolled-back call rolls back its head update too): no reader ever skips an event.
 *
 * The hash chain (hash-chain.ts) is computed here, under the head lock: the caller sends each
 * event's canonical JSON in two parts around position, recordedAt and revision (chainParts), and
 * the function completes and hashes it exactly as chainHash does:
 *   hash = hex(sha256(utf8(previous || '\n' || canonical))).
 * recordedAt is the database clock at millisecond precision, one value for the whole call (returned
 * with every outcome, so the caller knows its events exactly as a read would return them).
 *
 * The schema migrations (schema.ts) create it; a change to it needs a new migration that creates it
 * again, or stores migrated before keep the old body.
 */
export const appendFunctionSql = (s: string, notifyChannel: string): string => `
CREATE OR REPLACE FUNCTION ${s}.append_batch(
  p_streams text[], p_expected bigint[], p_counts int[],
  p_ids uuid[], p_types text[], p_versions int[], p_data text[], p_metadata text[], p_occurred timestamptz[],
  p_before text[], p_after text[]
) RETURNS TABLE (out_status text, out_revision bigint, out_position bigint, out_detail text, out_recorded_at timestamptz)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_names text[];
  v_revisions bigint[];
  v_stored_ids uuid[];
  v_stored_streams text[];
  v_stored_revisions bigint[];
  v_stored_positions bigint[];
  v_position bigint;
  v_hash text;
  v_now timestamptz;
  v_now_text text;
  -- One slot per event (NULL: not written), from subscript 1: unnest pairs them with p_ids.
  v_positions bigint[] := array_fill(NULL::bigint, ARRAY[coalesce(array_length(p_ids, 1), 0)]);
  v_event_revisions bigint[] := v_positions;
  v_event_streams text[] := array_fill(NULL::text, ARRAY[coalesce(array_length(p_ids, 1), 0)]);
  v_hashes text[] := v_event_streams;
  v_offset int := 0;
  v_count int;
  v_k int;
  v_current bigint;
  v_matched int;
  v_same_stream boolean;
  v_last_position bigint;
  v_last_revision bigint;
  v_first_position bigint;
BEGIN
  -- 1. The streams' rows (created when new), locked in one order for every writer.
  INSERT INTO ${s}.streams (stream_id, revision)
    SELECT DISTINCT x, -1 FROM unnest(p_streams) AS x ORDER BY 1 ON CONFLICT DO NOTHING;
  SELECT array_agg(l.stream_id ORDER BY l.stream_id), array_agg(l.revision ORDER BY l.stream_id)
    INTO v_names, v_revisions
    FROM (SELECT st.stream_id, st.revision FROM ${s}.streams st
          WHERE st.stream_id = ANY (p_streams) ORDER BY st.stream_id FOR UPDATE) AS l;

  -- 2. Event ids already stored, seen under the stream locks (a concurrent twin has committed).
  SELECT array_agg(e.event_id), array_agg(e.stream_id), array_agg(e.revision), array_agg(e.position)
    INTO v_stored_ids, v_stored_streams, v_stored_revisions, v_stored_positions
    FROM ${s}.events e WHERE e.event_id = ANY (p_ids);

  -- 3. The head, last, held until commit; the database clock gives recordedAt.
  SELECT h.position, h.hash INTO v_position, v_hash FROM ${s}.head h FOR UPDATE;
  v_first_position := v_position;
  v_now := date_trunc('milliseconds', clock_timestamp());
  out_recorded_at := v_now;
  v_now_text := to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

  FOR a IN 1 .. coalesce(array_length(p_streams, 1), 0) LOOP
    v_count := p_counts[a];
    IF v_stored_ids IS NOT NULL THEN
      SELECT count(*), coalesce(bool_and(f.stream_id = p_streams[a]), true),
             max(f.position), (array_agg(f.revision ORDER BY f.position DESC))[1]
        INTO v_matched, v_same_stream, v_last_position, v_last_revision
        FROM unnest(v_stored_ids, v_stored_streams, v_stored_revisions, v_stored_positions) AS f(event_id, stream_id, revision, position)
        WHERE f.event_id = ANY (p_ids[v_offset + 1 : v_offset + v_count]);
      IF v_matched = v_count AND v_same_stream THEN
        out_status := 'repeated'; out_revision := v_last_revision; out_position := v_last_position; out_detail := NULL;
        RETURN NEXT;
        v_offset := v_offset + v_count;
        CONTINUE;
      ELSIF v_matched > 0 THEN
        out_status := 'id_conflict'; out_revision := NULL; out_position := NULL;
        SELECT string_agg(f.event_id::text, ', ') INTO out_detail
          FROM unnest(v_stored_ids) AS f(event_id) WHERE f.event_id = ANY (p_ids[v_offset + 1 : v_offset + v_count]);
        RETURN NEXT;
        v_offset := v_offset + v_count;
        CONTINUE;
      END IF;
    END IF;

    v_k := array_position(v_names, p_streams[a]);
    v_current := v_revisions[v_k];
    IF p_expected[a] IS NOT NULL AND p_expected[a] <> v_current THEN
      out_status := 'conflict'; out_revision := v_current; out_position := NULL; out_detail := NULL;
      RETURN NEXT;
      v_offset := v_offset + v_count;
      CONTINUE;
    END IF;

    FOR i IN 1 .. v_count LOOP
      v_position := v_position + 1;
      v_positions[v_offset + i] := v_position;
      v_event_revisions[v_offset + i] := v_current + i;
      v_event_streams[v_offset + i] := p_streams[a];
      v_hash := encode(sha256(convert_to(
        v_hash || E'\\n' || p_before[v_offset + i] || v_position::text || ',"recordedAt":"' || v_now_text
          || '","revision":' || (v_current + i)::text || p_after[v_offset + i],
        'UTF8')), 'hex');
      v_hashes[v_offset + i] := v_hash;
    END LOOP;
    v_revisions[v_k] := v_current + v_count;
    out_status := 'ok'; out_revision := v_current + v_count; out_position := v_position; out_detail := NULL;
    RETURN NEXT;
    v_offset := v_offset + v_count;
  END LOOP;

  IF v_position > v_first_position THEN
    INSERT INTO ${s}.events (position, event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at, recorded_at, hash)
      SELECT u.position, u.event_id, u.stream_id, u.revision, u.type, u.version, u.data::jsonb, u.metadata::jsonb, u.occurred, v_now, u.hash
      FROM unnest(v_positions, p_ids, v_event_streams, v_event_revisions, p_types, p_versions, p_data, p_metadata, p_occurred, v_hashes)
        AS u(position, event_id, stream_id, revision, type, version, data, metadata, occurred, hash)
      WHERE u.position IS NOT NULL;
    UPDATE ${s}.streams st SET revision = u.revision
      FROM unnest(v_names, v_revisions) AS u(stream_id, revision)
      WHERE st.stream_id = u.stream_id AND st.revision <> u.revision;
    UPDATE ${s}.head SET position = v_position, hash = v_hash;
    PERFORM pg_notify('${notifyChannel}', v_position::text);
  END IF;
END
$fn$;`;
