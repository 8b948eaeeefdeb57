package org.unionassist.audit;

import cn.hutool.core.util.DesensitizedUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.SharedFilings;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.payment.Disbursement;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The auditors' cross-programme check for a year, within the caller's jurisdiction: people paid by more than one
 * programme (every programme pays through the shared disbursements, so a programme added later is covered), and
 * people whose households are filed in more than one union (each programme that files households answers through
 * {@link SharedFilings}). ID numbers and names are shown masked; the lists are for the auditor to look into, not
 * findings of wrongdoing.
 */
@Service
@Transactional(readOnly = true)
public class CrossProgrammeCheck {

    /** At most this many people are listed per check; the count says how many there are. */
    static final int LISTED = 500;

    private static final String PAID_SEVERAL = """
            select d.payee_id_number, d.payee_name, d.amount, d.status, d.created_at, c.process_instance_id,
                   c.case_number, c.programme_name, c.process_definition_key, c.grassroots_union_id
              from ua_disbursement d join ua_case c on c.process_instance_id = d.process_instance_id
             where d.created_at >= :from and d.created_at < :to and %1$s
               and d.payee_id_number in (
                   select d2.payee_id_number
                     from ua_disbursement d2 join ua_case c2 on c2.process_instance_id = d2.process_instance_id
                    where d2.created_at >= :from and d2.created_at < :to and %2$s
                    group by d2.payee_id_number having count(distinct c2.process_definition_key) > 1)
             order by d.payee_id_number, d.created_at, d.id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final List<SharedFilings> filings;
    private final Jurisdiction jurisdiction;
    private final ShanghaiClock clock;

    public CrossProgrammeCheck(DataSource dataSource, List<SharedFilings> filings, Jurisdiction jurisdiction,
                               ShanghaiClock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.filings = filings;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    /** One payment, its amount in yuan as shown (2 decimals). */
    public record Payment(String processInstanceId, String caseNumber, String programme, String amount,
                          String status, String union) {
    }

    public record PaidBySeveral(String person, String name, List<String> programmes, int count, String total,
                                List<Payment> items) {
    }

    public record FiledFile(String fileNumber, String union, String status, String householdHead,
                            String processInstanceId) {
    }

    public record FiledInSeveral(String person, String name, List<String> unions, List<FiledFile> files) {
    }

    public record Report(int year, int severalProgrammesCount, List<PaidBySeveral> severalProgrammes,
                         int householdInTwoUnionsCount, List<FiledInSeveral> householdInTwoUnions) {
    }

    public Report of(AuditorScope.Scope scope, Integer askedYear) {
        int year = askedYear == null ? clock.today().getYear() : askedYear;
        if (year < 2000 || year > clock.today().getYear() + 1) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "核查年度须在 2000 年到明年之间");
        }
        // each union's name is looked up once per report, however many rows name it
        Map<String, String> unionNames = new HashMap<>();
        UnaryOperator<String> unionName = id -> id == null ? null
                : unionNames.computeIfAbsent(id, u -> jurisdiction.union(u).getName());
        List<PaidBySeveral> paid = paidBySeveral(scope, year, unionName);
        List<FiledInSeveral> filed = filedInSeveral(scope, year, unionName);
        return new Report(year, paid.size(), paid.stream().limit(LISTED).toList(),
                filed.size(), filed.stream().limit(LISTED).toList());
    }

    private List<PaidBySeveral> paidBySeveral(AuditorScope.Scope scope, int year,
                                              UnaryOperator<String> unionName) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ShanghaiClock.ZONE).toInstant()))
                .addValue("to", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(ShanghaiClock.ZONE)
                        .toInstant()));
        String sql = PAID_SEVERAL.formatted(scope.sql("c", params), scope.sql("c2", params));
        Map<String, List<Payment>> byPerson = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            String id = rs.getString("payee_id_number");
            names.putIfAbsent(id, rs.getString("payee_name"));
            byPerson.computeIfAbsent(id, k -> new ArrayList<>()).add(new Payment(
                    rs.getString("process_instance_id"), rs.getString("case_number"), rs.getString("programme_name"),
                    rs.getBigDecimal("amount").setScale(2).toPlainString(),
                    Disbursement.statusLabel(rs.getString("status")),
                    unionName.apply(rs.getString("grassroots_union_id"))));
        });
        List<PaidBySeveral> people = new ArrayList<>();
        byPerson.forEach((id, items) -> people.add(new PaidBySeveral(PersonalData.maskIdNumber(id),
                DesensitizedUtil.chineseName(names.get(id)),
                List.copyOf(items.stream().map(Payment::programme).collect(
                        java.util.stream.Collectors.toCollection(LinkedHashSet::new))),
                items.size(), items.stream().map(i -> new BigDecimal(i.amount()))
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).toPlainString(),
                items)));
        return people;
    }

    private List<FiledInSeveral> filedInSeveral(AuditorScope.Scope scope, int year,
                                                UnaryOperator<String> unionName) {
        List<FiledInSeveral> people = new ArrayList<>();
        for (SharedFilings source : filings) {
            for (SharedFilings.Person p : source.inSeveralUnions(scope.unionIds(), LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31))) {
                List<FiledFile> files = p.filings().stream().map(f -> new FiledFile(f.fileNumber(),
                        unionName.apply(f.unionId()), f.status(), DesensitizedUtil.chineseName(f.householdHead()),
                        f.caseProcessInstanceId())).toList();
                people.add(new FiledInSeveral(PersonalData.maskIdNumber(p.idNumber()),
                        p.name() == null ? null : DesensitizedUtil.chineseName(p.name()),
                        files.stream().map(FiledFile::union).distinct().toList(), files));
            }
        }
        return people;
    }
}
