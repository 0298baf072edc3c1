-- registry.normalize_name missed a title that follows another ("H. Dr. Ali" gave "dr ali"): the
-- pattern consumed the space between them. A look-ahead leaves it for the next title. Workers are
-- touched so their stored name_key is computed again with the new function.
create or replace function registry.normalize_name(name text) returns text
language sql immutable parallel safe as $$
    select btrim(regexp_replace(
             regexp_replace(
               regexp_replace(lower(coalesce(name, '')), '[^a-z0-9 ]+', ' ', 'g'),
               '(^| )(h|hj|hajjah|haji|drs|dra|ir|dr|s ?pd|s ?e|s ?h|s ?kom|s ?ag|amd|bin|binti)(?= |$)', ' ', 'g'),
             ' +', ' ', 'g'))
$$;

update registry.worker set full_name = full_name;
