package org.unionassist.hardship;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.SharedFilings;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * "一户一档" as the auditors check it: a person (the worker a household is opened under, or a member recorded with an ID
 * number) whose households hold files in more than one union during the period. Counted by the database over the
 * household tables; only files of the unions asked about are looked at.
 */
@Component
@Transactional(readOnly = true)
class HouseholdsInSeveralUnions implements SharedFilings {

    private static final String FILED = """
            with people as (
                select h.id as household_id, h.head_id_number as id_number, h.head_name as name from ua_household h
                union all
                select m.household_id, m.id_number, m.name from ua_household_member m
                 where m.id_number is not null and m.id_number <> ''
            ), filed as (
                select p.id_number, p.name, f.file_number, f.union_id, f.status, h.head_name,
                       f.case_process_instance_id
                  from people p
                  join ua_household_file f on f.household_id = p.household_id
                  join ua_household h on h.id = f.household_id
                 where f.union_id in (:unions) and f.effective_date <= :to
                   and (f.closed_on is null or f.closed_on >= :from)
            )
            select distinct * from filed
             where id_number in (select id_number from filed group by id_number having count(distinct union_id) > 1)
             order by id_number, file_number
            """;

    private final NamedParameterJdbcTemplate jdbc;

    HouseholdsInSeveralUnions(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public List<Person> inSeveralUnions(Collection<String> unionIds, LocalDate from, LocalDate to) {
        if (unionIds.isEmpty()) {
            return List.of();
        }
        People people = new People();
        jdbc.query(FILED, new MapSqlParameterSource().addValue("unions", unionIds).addValue("from", from)
                .addValue("to", to), rs -> {
            people.add(rs.getString("id_number"), rs.getString("name"), new Filing(rs.getString("file_number"),
                    rs.getString("union_id"), FileStatus.valueOf(rs.getString("status")).label(),
                    rs.getString("head_name"), rs.getString("case_process_instance_id")));
        });
        return people.list();
    }
}
