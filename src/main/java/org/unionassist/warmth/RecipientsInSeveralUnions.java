package org.unionassist.warmth;

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
 * The auditors' cross-check of 两节送温暖: people kept on the lists of two or more unions in one campaign (a duplicate
 * the district kept with a justification), with each list and the justification. Campaigns whose period overlaps the
 * year asked about; only the lists of the unions asked about.
 */
@Component
@Transactional(readOnly = true)
class RecipientsInSeveralUnions implements SharedFilings {

    private static final String LISTED = """
            select r.id_number, r.name, r.status, r.justification, l.id as list_id, l.campaign_id,
                   l.grassroots_union_id, l.process_instance_id
              from ua_warmth_recipient r
              join ua_warmth_list l on l.id = r.list_id
              join ua_warmth_campaign c on c.id = r.campaign_id
             where l.grassroots_union_id in (:unions) and r.status <> 'REMOVED' and r.id_number is not null
               and r.id_problem is null and c.period_start <= :to and c.period_end >= :from
               and exists (select 1 from ua_warmth_recipient o join ua_warmth_list ol on ol.id = o.list_id
                            where o.campaign_id = r.campaign_id and o.id_number = r.id_number
                              and o.status <> 'REMOVED' and ol.grassroots_union_id <> l.grassroots_union_id
                              and ol.grassroots_union_id in (:unions))
             order by r.id_number, l.id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    RecipientsInSeveralUnions(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public List<Person> inSeveralUnions(Collection<String> unionIds, LocalDate from, LocalDate to) {
        if (unionIds.isEmpty()) {
            return List.of();
        }
        People people = new People();
        jdbc.query(LISTED, new MapSqlParameterSource().addValue("unions", unionIds).addValue("from", from)
                .addValue("to", to), rs -> {
            String justification = rs.getString("justification");
            people.add(rs.getString("id_number"), rs.getString("name"), new Filing(
                    RecipientList.number(rs.getLong("campaign_id"), rs.getLong("list_id")),
                    rs.getString("grassroots_union_id"), "送温暖名单："
                    + Recipient.Status.valueOf(rs.getString("status")).label()
                    + (justification == null ? "" : "（保留理由：" + justification + "）"),
                    rs.getString("name"), rs.getString("process_instance_id")));
        });
        return people.list();
    }
}
