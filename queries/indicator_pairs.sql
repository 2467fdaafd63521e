-- Pairs of indicators that are easily confused, with the note that tells them apart. No parameters.
select indicator_a, indicator_b, note_id, note_en from indicator_pairs
