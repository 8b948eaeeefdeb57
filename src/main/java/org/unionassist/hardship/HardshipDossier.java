package org.unionassist.hardship;

import cn.hutool.core.util.DesensitizedUtil;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unionassist.casework.CaseDossier;
import org.unionassist.casework.PersonalData;
import org.unionassist.engine.EngineCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.camunda.spin.Spin.JSON;

/**
 * What an auditor sees of the hardship records a case touched: the household as the case's own application recorded
 * it (members masked), and its household file — for a verification case the file it led to, for a yearly re-check
 * the file re-checked. The household record itself is shared by every application under the same ID number and
 * holds the latest one's members, so it is shown only where the case's own are gone, and then labelled as such.
 */
@Component
@Transactional(readOnly = true)
class HardshipDossier implements CaseDossier {

    private static final List<String> COLUMNS = List.of("姓名", "与申请人关系", "身份证号");
    private static final List<String> APPLICATION = List.of("applicantName", "applicantIdNumber", "householdMembers");

    private final HardshipCaseRepository cases;
    private final HouseholdFileRepository files;
    private final HistoryService history;
    private final EngineCommands engine;

    HardshipDossier(HardshipCaseRepository cases, HouseholdFileRepository files, HistoryService history,
                    EngineCommands engine) {
        this.cases = cases;
        this.files = files;
        this.history = history;
        this.engine = engine;
    }

    @Override
    public List<Section> sectionsOf(String processDefinitionKey, String processInstanceId, String caseNumber) {
        List<Section> sections = new ArrayList<>();
        if (HardshipCaseRecords.PROCESS.equals(processDefinitionKey)) {
            cases.findByProcessInstanceId(processInstanceId).ifPresent(c -> {
                sections.add(asApplied(processInstanceId).orElseGet(() -> currentHousehold(c.getHousehold())));
                files.findByHouseholdIdOrderByIdAsc(c.getHousehold().getId()).stream()
                        .filter(f -> processInstanceId.equals(f.getCaseProcessInstanceId()))
                        .forEach(f -> sections.add(file(f)));
            });
        } else if (HouseholdFiling.RECHECK_PROCESS.equals(processDefinitionKey) && caseNumber != null) {
            files.findByFileNumber(caseNumber).ifPresent(f -> {
                sections.add(file(f));
                sections.add(currentHousehold(f.getHousehold()));
            });
        }
        return sections;
    }

    /**
     * The household as this case's application (after any supplement) gave it, from the case's own variables in the
     * engine's history, where the ID numbers are kept masked; none once that history has been removed.
     */
    private Optional<Section> asApplied(String processInstanceId) {
        Map<String, Object> applied = engine.call(() -> history.createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId).variableNameIn(APPLICATION.toArray(String[]::new)).list())
                .stream().filter(v -> processInstanceId.equals(v.getExecutionId()) && v.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
                        (first, second) -> second));
        if (!applied.containsKey("applicantName")) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(member(applied.get("applicantName").toString(), "本人", (String) applied.get("applicantIdNumber")));
        Object others = applied.get("householdMembers");
        if (others != null) {
            SpinJsonNode list = others instanceof SpinJsonNode node ? node : JSON(others.toString());
            for (SpinJsonNode m : list.elements()) {
                String name = text(m, "memberName");
                if (!name.isBlank()) {
                    rows.add(member(name, text(m, "memberRelation"), text(m, "memberIdNumber")));
                }
            }
        }
        return Optional.of(new Section("家庭成员（" + rows.size() + " 人）", COLUMNS, rows));
    }

    /** The shared household record as it stands now: the members of the latest application under its ID number. */
    private static Section currentHousehold(Household household) {
        List<List<String>> rows = household.getMembers().stream()
                .map(m -> member(m.getName(), m.getRelation(), m.getIdNumber()))
                .toList();
        return new Section("该户现登记的家庭成员（" + rows.size() + " 人，家庭编号 " + household.getId() + "，"
                + household.getCreatedOn() + " 建立，随该户最近一次申请更新，不一定是本案申请时的情况）", COLUMNS, rows);
    }

    private static List<String> member(String name, String relation, String idNumber) {
        return List.of(DesensitizedUtil.chineseName(name.strip()), relation,
                idNumber == null || idNumber.isBlank() ? "未填" : PersonalData.maskIdNumber(idNumber.strip()));
    }

    private static String text(SpinJsonNode node, String field) {
        return node.hasProp(field) && !node.prop(field).isNull() ? node.prop(field).value().toString() : "";
    }
    private static Section file(HouseholdFile f) {
        return Section.facts("困难职工档案 " + f.getFileNumber(),
                "档案号", f.getFileNumber(),
                "困难类别", f.getCategory() == null ? null : f.getCategory().label(),
                "档案状态", f.getStatus() == null ? null : f.getStatus().label(),
                "建档生效日期", CaseDossier.shown(f.getEffectiveDate()),
                "上次复核", CaseDossier.shown(f.getLastRecheckedOn()),
                "下次复核", CaseDossier.shown(f.getNextRecheckOn()),
                "关闭日期", CaseDossier.shown(f.getClosedOn()),
                "关闭原因", f.getCloseReason());
    }
}
