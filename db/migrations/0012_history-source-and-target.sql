-- The history's JSON follows the renamed link columns (0011): each recorded link's enStart/enCount/frStart/frCount and a
-- split's enCount/frCount arguments become sourceStart/sourceCount/targetStart/targetCount. `before` and `after` hold only
-- arrays of recorded links (numbers and a status, no person's text), so their keys are replaced as text and every other
-- byte stays as it was; a split's arguments are moved key by key.
UPDATE `edits` SET
  `before` = replace(replace(replace(replace(`before`, '"enStart":', '"sourceStart":'), '"enCount":', '"sourceCount":'), '"frStart":', '"targetStart":'), '"frCount":', '"targetCount":'),
  `after` = replace(replace(replace(replace(`after`, '"enStart":', '"sourceStart":'), '"enCount":', '"sourceCount":'), '"frStart":', '"targetStart":'), '"frCount":', '"targetCount":');
--> statement-breakpoint
UPDATE `edits` SET `args` = json_remove(
    json_set(`args`, '$.sourceCount', json_extract(`args`, '$.enCount'), '$.targetCount', json_extract(`args`, '$.frCount')),
    '$.enCount', '$.frCount')
  WHERE `operation` = 'split' AND json_type(`args`, '$.enCount') IS NOT NULL;
