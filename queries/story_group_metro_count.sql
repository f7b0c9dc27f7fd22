-- story_group_metro_count: how many metros a group (coastal hubs, heartland cities) holds.
-- $group_id  'coastal_hubs' or 'heartland_cities'
with members as (
    select distinct cbsa_code
    from metro_groups
    where group_id = $group_id
),

final as (
    select count(*) as value, 'd' as value_format
    from members
)

select * from final
