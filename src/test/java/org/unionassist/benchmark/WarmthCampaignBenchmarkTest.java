package org.unionassist.benchmark;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.UnionLevel;
import org.unionassist.payment.Disbursement;
import org.unionassist.payment.DisbursementRepository;
import org.unionassist.support.CaseDriver;
import org.unionassist.support.IdNumbers;
import org.unionassist.support.ProcessTest;
import org.unionassist.support.Spreadsheets;
import org.unionassist.support.WarmthDriver;
import org.unionassist.support.WarmthDriver.Share;
import org.unionassist.warmth.Campaign;
import org.unionassist.warmth.CampaignRepository;
import org.unionassist.warmth.Ledger;
import org.unionassist.warmth.Recipient;
import org.unionassist.warmth.RecipientList;
import org.unionassist.warmth.RecipientListRepository;
import org.unionassist.warmth.Recipients;
import org.unionassist.warmth.WarmthCampaigns;
import org.unionassist.warmth.WarmthLists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures one 两节送温暖 campaign of 20,000 recipients end to end, on the embedded H2 database of the process tests
 * (in memory), through the real BPMN, sign-offs, ledger and payment module: the plan and the allocations; each of the
 * four demo grassroots unions' lists of 5,000 people imported from one Excel file; the lists submitted (the checks,
 * with 20 ID numbers on two unions' lists); the district's approvals resolving the findings; the visits imported from
 * one Excel file per list (a few people not reached); the visits closed (ledger and phone-back sample); the
 * phone-back with the cash paid once per recipient; the settlement of the lists, the districts and the city.
 *
 * <p>Run with {@code mvn -Pbenchmark test -Dtest=WarmthCampaignBenchmarkTest}. The figures go to standard output
 * (lines starting {@code WARMTH-BENCH}), docs/benchmarks.md records what was measured. It asserts only correctness
 * (recipients, ledger balances, one disbursement per cash recipient), never a time.
 */
@Tag("benchmark")
@ProcessTest
class WarmthCampaignBenchmarkTest {

    static final int PER_UNION = 5_000;
    static final String[][] UNIONS = {
            {"eaststeel", "east"}, {"eaststreet", "east"}, {"westtextile", "west"}, {"westhospital", "west"}};
    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    static final LocalDate VISITS_DAY = LocalDate.of(2026, 12, 28);
    static final LocalDate LISTS_DUE = LocalDate.of(2026, 12, 31);
    static final LocalDate VISITS_DUE = LocalDate.of(2027, 1, 31);
    static final String CARD = "6222020200112233445";
    /** 陈建国, the demo household with an open deep-hardship file: the list's one 困难职工家庭 row. */
    static final String FILED = "110101197503150019";
    /**
     * The plan's standards are the configured ones (front-line 500 of goods, new employment 300 of goods, model
     * workers 800 cash, hardship 1,000 cash + 200 of goods): 20,000 people of this mix cost about 9.1 million, so the
     * budget is 9.2 million (2.8 million, the worked campaign's, covers 13,000 people at 215 yuan on average).
     */
    static final String UNION_BUDGET = "2300000";
    static final int DUPLICATES = 20;

    static final String FRONT_LINE = "一线及节日值守职工";
    static final String NEW_EMPLOYMENT = "新就业形态劳动者";
    static final String MODEL_WORKER = "劳动模范";
    static final String HARDSHIP = "困难职工家庭";
    static final Map<String, BigDecimal[]> STANDARD = Map.of(
            FRONT_LINE, new BigDecimal[] {new BigDecimal("0"), new BigDecimal("500")},
            NEW_EMPLOYMENT, new BigDecimal[] {new BigDecimal("0"), new BigDecimal("300")},
            MODEL_WORKER, new BigDecimal[] {new BigDecimal("800"), new BigDecimal("0")},
            HARDSHIP, new BigDecimal[] {new BigDecimal("1000"), new BigDecimal("200")});

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽华", "国平", "海燕", "文军", "红梅", "德明", "春花"};

    @Autowired WarmthDriver warmth;
    @Autowired CaseDriver driver;
    @Autowired WarmthLists lists;
    @Autowired Recipients recipients;
    @Autowired WarmthCampaigns campaigns;
    @Autowired RecipientListRepository listRows;
    @Autowired CampaignRepository campaignRows;
    @Autowired Ledger ledger;
    @Autowired DisbursementRepository disbursements;
    @Autowired Jurisdiction jurisdiction;
    @Autowired TransactionTemplate transactions;

    /** One person of a generated list, line = index + 1 (the header row is skipped). */
    record Person(int line, String name, String idNumber, String group) {
    }

    private final List<String[]> table = new ArrayList<>();
    private double total;

    @AfterEach
    void realTime() {
        CaseDriver.realTime();
    }

    @Test
    void aCampaignOfTwentyThousandRecipients() throws IOException {
        CaseDriver.today(TODAY);
        // ---------------------------------------------------------------- the lists, generated before any clock runs
        Map<String, List<Person>> people = generate();
        Map<String, byte[]> listFiles = new LinkedHashMap<>();
        for (String[] u : UNIONS) {
            listFiles.put(u[0], listFile(people.get(u[0])));
        }
        System.out.printf("WARMTH-BENCH setup: %d rows in %d Excel files of %s bytes; %d cores, Java %s, "
                        + "load average %.2f%n", people.values().stream().mapToInt(List::size).sum(), listFiles.size(),
                String.join(" / ", listFiles.values().stream().map(b -> String.valueOf(b.length)).toList()),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());

        // ---------------------------------------------------------------- plan and allocations
        long t = System.nanoTime();
        ProcessInstance campaign = warmth.approvedCampaign(String.valueOf(Long.parseLong(UNION_BUDGET) * 4),
                PER_UNION * 4, LISTS_DUE, VISITS_DUE);
        String districtBudget = String.valueOf(Long.parseLong(UNION_BUDGET) * 2);
        warmth.allocateDistricts(campaign, Map.of("east", new Share(districtBudget, PER_UNION * 2),
                "west", new Share(districtBudget, PER_UNION * 2)));
        warmth.allocateUnions(campaign, "east", Map.of("eaststeel", new Share(UNION_BUDGET, PER_UNION),
                "eaststreet", new Share(UNION_BUDGET, PER_UNION)));
        warmth.allocateUnions(campaign, "west", Map.of("westtextile", new Share(UNION_BUDGET, PER_UNION),
                "westhospital", new Share(UNION_BUDGET, PER_UNION)));
        phase("plan + allocations (plan, approval, 2 districts, 4 unions; starts the 4 list processes)", t, 0);
        long campaignId = ((Number) driver.runtime().getVariable(campaign.getId(), "campaignId")).longValue();
        Map<String, ProcessInstance> listProcesses = new LinkedHashMap<>();
        for (String[] u : UNIONS) {
            listProcesses.put(u[0], warmth.listOf(campaign, u[0]));
        }

        // ---------------------------------------------------------------- import: one Excel file of 5,000 rows each
        long importStart = System.nanoTime();
        for (String[] u : UNIONS) {
            ProcessInstance pi = listProcesses.get(u[0]);
            byte[] file = listFiles.get(u[0]);
            long ti = System.nanoTime();
            Map<String, Object> result = transactions.execute(s -> lists.importFile(list(pi), u[0] + "名单.xlsx",
                    new ByteArrayInputStream(file)));
            row("  import " + u[0] + " (one .xlsx file, " + PER_UNION + " rows)", ti, PER_UNION);
            assertThat(result.get("imported")).isEqualTo(PER_UNION);
            assertThat(result.get("flagged")).isEqualTo(0L);
        }
        phase("import, 4 files", importStart, PER_UNION * 4);

        // ---------------------------------------------------------------- submit: the checks run on the whole campaign
        t = System.nanoTime();
        for (String[] u : UNIONS) {
            warmth.submitList(listProcesses.get(u[0]), u[0], List.of(), "");
        }
        phase("submit + duplicate check (4 lists)", t, PER_UNION * 4);
        Map<String, String> names = new HashMap<>();
        jurisdiction.unionsAt(UnionLevel.GRASSROOTS).forEach(un -> names.put(un.getId(), un.getName()));
        Map<String, Integer> findingsOf = new LinkedHashMap<>();
        long tf = System.nanoTime();
        for (String[] u : UNIONS) {
            findingsOf.put(u[0], recipients.findings(list(listProcesses.get(u[0])).getId(),
                    campaigns.standardsOf(campaignId), names).size());
        }
        row("  (the findings alone, Recipients.findings x4, again; not in the total)", tf, PER_UNION * 4);
        System.out.println("WARMTH-BENCH findings per list: " + findingsOf);
        assertThat(findingsOf).containsEntry("eaststeel", DUPLICATES).containsEntry("eaststreet", 0)
                .containsEntry("westtextile", 0).containsEntry("westhospital", DUPLICATES);
        for (String[] u : UNIONS) {
            assertThat(warmth.rows(listProcesses.get(u[0]).getId(), "listFindings")).hasSize(findingsOf.get(u[0]));
        }

        // ---------------------------------------------------------------- approval: eaststeel takes off 10 of its 20 duplicates
        Set<Integer> removedSteelLines = new HashSet<>();
        t = System.nanoTime();
        for (String[] u : UNIONS) {
            warmth.approveList(listProcesses.get(u[0]), u[1], f -> {
                int line = (Integer) f.get("line");
                if (u[0].equals("eaststeel") && removedSteelLines.size() < DUPLICATES / 2) {
                    removedSteelLines.add(line);
                    return new String[] {"remove"};
                }
                return new String[] {"keep", "两处均在节日值守，经区总工会研究同意两处慰问"};
            });
        }
        phase("approval (4 lists, " + DUPLICATES * 2 + " findings resolved, ledger commitment)", t, PER_UNION * 4);
        assertThat(removedSteelLines).hasSize(DUPLICATES / 2);

        // ---------------------------------------------------------------- deliveries from one Excel file per list
        CaseDriver.today(VISITS_DAY);
        Map<String, byte[]> visitFiles = new LinkedHashMap<>();
        Map<String, List<Person>> onList = new LinkedHashMap<>();
        for (String[] u : UNIONS) {
            List<Person> kept = people.get(u[0]).stream()
                    .filter(p -> !u[0].equals("eaststeel") || !removedSteelLines.contains(p.line())).toList();
            onList.put(u[0], kept);
            visitFiles.put(u[0], visitFile(kept));
        }
        long deliveryStart = System.nanoTime();
        for (String[] u : UNIONS) {
            ProcessInstance pi = listProcesses.get(u[0]);
            byte[] file = visitFiles.get(u[0]);
            long td = System.nanoTime();
            Map<String, Object> result = transactions.execute(s -> lists.importDeliveries(list(pi), u[0] + "慰问登记.xlsx",
                    new ByteArrayInputStream(file)));
            row("  deliveries " + u[0] + " (one .xlsx file, " + onList.get(u[0]).size() + " rows)", td,
                    onList.get(u[0]).size());
            assertThat(result.get("recorded")).isEqualTo(onList.get(u[0]).size());
            assertThat(result.get("open")).isEqualTo(0);
        }
        int deliveryRows = onList.values().stream().mapToInt(List::size).sum();
        phase("delivery records, 4 files", deliveryStart, deliveryRows);

        // ---------------------------------------------------------------- visits closed: ledger + phone-back sample
        t = System.nanoTime();
        for (String[] u : UNIONS) {
            warmth.recordVisits(listProcesses.get(u[0]), u[0], List.of());
        }
        phase("visits closed (4 sign-offs: ledger spending, phone-back sample)", t, deliveryRows);

        // ---------------------------------------------------------------- phone-back; payCash follows in the same transaction
        t = System.nanoTime();
        for (String[] u : UNIONS) {
            warmth.phoneBack(listProcesses.get(u[0]), u[1]);
        }
        long cashRecipients = onList.values().stream().flatMap(List::stream)
                .filter(p -> STANDARD.get(p.group())[0].signum() > 0 && !unreached(p.line())).count();
        phase("phone-back (5 a list) + payment (payCash: " + cashRecipients + " disbursements)", t, (int) cashRecipients);

        // ---------------------------------------------------------------- settlement: lists, districts, city
        t = System.nanoTime();
        for (String[] u : UNIONS) {
            warmth.settleList(listProcesses.get(u[0]), u[0]);
        }
        warmth.settleDistrict(campaign, "east");
        warmth.settleDistrict(campaign, "west");
        driver.complete(campaign, "citySettlement", "city.clerk", "submit", null);
        phase("settlement (4 lists, 2 districts, city)", t, deliveryRows);

        print();

        // ---------------------------------------------------------------- correctness only
        assertThat(campaignRows.findById(campaignId).orElseThrow().getStatus()).isEqualTo(Campaign.Status.CLOSED);
        BigDecimal campaignSpent = BigDecimal.ZERO;
        int campaignVisited = 0;
        Set<String> payees = new HashSet<>();
        for (String[] u : UNIONS) {
            RecipientList list = list(listProcesses.get(u[0]));
            assertThat(list.getStatus()).isEqualTo(RecipientList.Status.SETTLED);
            List<Person> kept = onList.get(u[0]);
            List<Recipient> rows = recipients.of(list.getId());
            assertThat(rows).hasSize(PER_UNION);
            assertThat(rows).filteredOn(r -> r.status() == Recipient.Status.REMOVED)
                    .hasSize(u[0].equals("eaststeel") ? DUPLICATES / 2 : 0);
            int visited = (int) kept.stream().filter(p -> !unreached(p.line())).count();
            assertThat(rows).filteredOn(r -> r.status() == Recipient.Status.DELIVERED).hasSize(visited);
            assertThat(rows).filteredOn(r -> r.status() == Recipient.Status.UNREACHED).hasSize(kept.size() - visited);
            BigDecimal spent = kept.stream().filter(p -> !unreached(p.line()))
                    .map(p -> STANDARD.get(p.group())[0].add(STANDARD.get(p.group())[1]))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Ledger.Balance b = ledger.balance(campaignId, u[0]);
            assertThat(b.allocated()).as(u[0]).isEqualByComparingTo(UNION_BUDGET);
            assertThat(b.committed()).as(u[0]).isEqualByComparingTo("0");
            assertThat(b.recipientsCommitted()).as(u[0]).isZero();
            assertThat(b.spent()).as(u[0]).isEqualByComparingTo(spent);
            assertThat(b.recipientsVisited()).as(u[0]).isEqualTo(visited);
            assertThat(b.available()).as(u[0]).isEqualByComparingTo(new BigDecimal(UNION_BUDGET).subtract(spent));
            campaignSpent = campaignSpent.add(spent);
            campaignVisited += visited;

            // one disbursement per delivered cash recipient, of the recipient's cash, none for anyone else
            Map<Long, Recipient> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.id(), r));
            List<Disbursement> paid = disbursements.findAll().stream()
                    .filter(d -> d.getProcessInstanceId().equals(list.getProcessInstanceId())).toList();
            long cash = rows.stream().filter(r -> r.status() == Recipient.Status.DELIVERED && r.cash().signum() > 0).count();
            assertThat(paid).as(u[0]).hasSize((int) cash);
            for (Disbursement d : paid) {
                assertThat(payees.add(d.getPayeeKey())).as("paid once: " + d.getPayeeKey()).isTrue();
                Recipient r = byId.get(Long.parseLong(d.getPayeeKey().substring("warmthRecipient:".length())));
                assertThat(r.status()).isEqualTo(Recipient.Status.DELIVERED);
                assertThat(d.getAmount()).isEqualByComparingTo(r.cash());
            }
        }
        assertThat(payees).hasSize((int) cashRecipients);
        assertThat(campaignVisited).isEqualTo(PER_UNION * 4 - DUPLICATES / 2 - 40);
        for (String district : List.of("east", "west")) {
            assertThat(ledger.balance(campaignId, district).committed()).isEqualByComparingTo("0");
        }
        Ledger.Balance city = ledger.balance(campaignId, "city");
        assertThat(city.allocated()).isEqualByComparingTo(new BigDecimal(UNION_BUDGET).multiply(BigDecimal.valueOf(4)));
        assertThat(city.committed()).isEqualByComparingTo("0");
        assertThat(city.spent()).isEqualByComparingTo(campaignSpent);
        assertThat(city.recipientsVisited()).isEqualTo(campaignVisited);
        System.out.printf("WARMTH-BENCH checked: %d listed, %d visited, %d not reached, %d removed, %d disbursements, "
                        + "spent %s of %s yuan%n", PER_UNION * 4 - DUPLICATES / 2, campaignVisited,
                PER_UNION * 4 - DUPLICATES / 2 - campaignVisited, DUPLICATES / 2, payees.size(),
                city.spent().toPlainString(), city.allocated().toPlainString());
    }

    // -------------------------------------------------------------------- the data

    /**
     * 5,000 people per union: every 20th a model worker (cash, with a card), 6 of 20 new-employment workers, the rest
     * front-line workers; eaststeel's first row is the demo hardship household. ID numbers are unique over the
     * campaign (area 110108, not IdNumbers.next()'s, whose sequence wraps at 9,000 days × 1,000), except that 20
     * front-line rows of westhospital carry ID numbers of 20 front-line rows of eaststeel.
     */
    static Map<String, List<Person>> generate() {
        Map<String, List<Person>> people = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (String[] u : UNIONS) {
            List<Person> list = new ArrayList<>();
            for (int i = 0; i < PER_UNION; i++, n++) {
                String group = i % 20 == 0 ? MODEL_WORKER : i % 20 <= 6 ? NEW_EMPLOYMENT : FRONT_LINE;
                LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(n % 9000);
                String id = IdNumbers.withCheckDigit("110108" + birth.toString().replace("-", "")
                        + "%03d".formatted(n / 9000));
                String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length];
                if (u[0].equals("eaststeel") && i == 1) {
                    group = HARDSHIP;
                    id = FILED;
                    name = "陈建国";
                }
                assertThat(ids.add(id)).as("unique generated ID").isTrue();
                list.add(new Person(i + 1, name, id, group));
            }
            people.put(u[0], list);
        }
        List<Person> steel = people.get("eaststeel");
        List<Person> hospital = people.get("westhospital");
        for (int k = 0; k < DUPLICATES; k++) {
            Person source = steel.get(7 + 200 * k);
            int i = 11 + 240 * k;
            Person p = hospital.get(i);
            assertThat(source.group()).isEqualTo(FRONT_LINE);
            assertThat(p.group()).isEqualTo(FRONT_LINE);
            hospital.set(i, new Person(p.line(), p.name(), source.idNumber(), p.group()));
        }
        return people;
    }

    /** The list's Excel as a union keeps it: 姓名, 身份证号, 慰问对象类别, 银行卡号 (amounts left to the plan's standard). */
    static byte[] listFile(List<Person> people) throws IOException {
        Object[][] rows = new Object[people.size() + 1][];
        rows[0] = new Object[] {"姓名", "身份证号", "慰问对象类别", "银行卡号"};
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            boolean cash = STANDARD.get(p.group())[0].signum() > 0;
            rows[i + 1] = cash ? new Object[] {p.name(), p.idNumber(), p.group(), CARD}
                    : new Object[] {p.name(), p.idNumber(), p.group()};
        }
        return Spreadsheets.excel(rows);
    }

    /** Lines 981, 1981, … (model workers) and 1000, 2000, … (front-line workers) are not reached: 10 a list. */
    static boolean unreached(int line) {
        return line % 1000 == 981 || line % 1000 == 0;
    }

    /** The visits' Excel: 序号, 姓名, 发放结果, 慰问日期, 慰问品, 发放现金, 慰问人, 凭证类型, 凭证编号. */
    static byte[] visitFile(List<Person> people) throws IOException {
        Object[][] rows = new Object[people.size() + 1][];
        rows[0] = new Object[] {"序号", "姓名", "发放结果", "慰问日期", "慰问品", "发放现金", "慰问人", "凭证类型", "凭证编号"};
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            rows[i + 1] = unreached(p.line())
                    ? new Object[] {p.line(), p.name(), "未联系上", "", "", "", "工会经办人"}
                    : i % 10 == 0
                    ? new Object[] {p.line(), p.name(), "已送达", "2026-12-20", "米、油、慰问信", "", "工会经办人", "照片",
                            "IMG-" + p.line()}
                    : new Object[] {p.line(), p.name(), "已送达", "2026-12-20", "米、油、慰问信", "", "工会经办人", "签字"};
        }
        return Spreadsheets.excel(rows);
    }

    private RecipientList list(ProcessInstance listProcess) {
        return listRows.findByProcessInstanceId(listProcess.getId()).orElseThrow();
    }

    // -------------------------------------------------------------------- the figures

    private void phase(String name, long startNanos, int rows) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        total += seconds;
        table.add(cells(name, seconds, rows));
        System.out.printf("WARMTH-BENCH %s: %.2f s%n", name, seconds);
    }

    private void row(String name, long startNanos, int rows) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        table.add(cells(name, seconds, rows));
        System.out.printf("WARMTH-BENCH %s: %.2f s%n", name, seconds);
    }

    private static String[] cells(String name, double seconds, int rows) {
        return new String[] {name, String.format(Locale.ROOT, "%.2f", seconds),
                rows == 0 ? "" : String.valueOf(rows),
                rows == 0 ? "" : String.format(Locale.ROOT, "%,.0f", rows / seconds)};
    }

    private void print() {
        System.out.println("WARMTH-BENCH ================================================================");
        System.out.printf("WARMTH-BENCH %-84s %8s %7s %8s%n", "phase", "seconds", "rows", "rows/s");
        for (String[] c : table) {
            System.out.printf("WARMTH-BENCH %-84s %8s %7s %8s%n", (Object[]) c);
        }
        System.out.printf("WARMTH-BENCH %-84s %8s %7s %8s%n", "total (the phases, without the lines in brackets)",
                String.format(Locale.ROOT, "%.2f", total), PER_UNION * 4,
                String.format(Locale.ROOT, "%,.0f", PER_UNION * 4 / total));
        System.out.printf("WARMTH-BENCH load average at the end %.2f%n", loadAverage());
        System.out.println("WARMTH-BENCH ================================================================");
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
