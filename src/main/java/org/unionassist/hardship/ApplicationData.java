package org.unionassist.hardship;

import org.unionassist.casework.CaseworkError;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.unionassist.casework.Money;
import org.unionassist.casework.PersonalData;
import org.unionassist.casework.UnionAssistException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.camunda.spin.Spin.JSON;
import static org.unionassist.casework.FormValues.flag;
import static org.unionassist.casework.FormValues.personName;
import static org.unionassist.casework.FormValues.requiredChoice;
import static org.unionassist.casework.FormValues.requiredMoney;
import static org.unionassist.casework.FormValues.text;

/**
 * An application as entered on the form, validated. Reads variables the way Tasklist submits them (numbers as
 * Integer/Long/Double, lists as Json) and refuses bad input with a Chinese message before anything is saved.
 */
public record ApplicationData(String applicantName, String applicantIdNumber, String applicantPhone,
                              List<HouseholdMember.Data> otherMembers, HouseholdFigures figures, String bankCard) {

    /** The relations the forms offer for a household member (the applicant is 本人). */
    static final List<String> RELATIONS = List.of("配偶", "子女", "父母", "其他");

    public static ApplicationData from(VariableScope v, LocalDate today) {
        String name = personName(v, "applicantName", "申请人姓名");
        String id = PersonalData.requireValidIdNumber(text(v, "applicantIdNumber"), "申请人", today);
        int size = Money.countFromVariable(v.getVariable("householdSize"), "家庭人口数", 1);
        List<HouseholdMember.Data> members = members(v.getVariable("householdMembers"), today);
        if (members.size() > size - 1) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT,
                    "家庭成员名单有" + members.size() + "人，但家庭人口数为" + size + "（含申请人）：请核对");
        }
        HouseholdFigures figures = figures(v, size);
        String card = PersonalData.requireValidBankCard(text(v, "bankCard"));
        String phone = text(v, "applicantPhone");
        if (phone != null && !phone.isBlank() && !phone.trim().matches("[0-9+\\- ]{7,20}")) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "联系电话格式不正确");
        }
        return new ApplicationData(name, id, phone == null ? null : phone.trim(), members, figures, card);
    }

    /** The household figures as entered on an application or an annual re-check form. */
    public static HouseholdFigures figures(VariableScope v, int size) {
        // "none" is an option the form offers; a missing cause is not the same answer
        String cause = HardshipCause.fromCode(requiredChoice(v, "hardshipCause", "致困原因")).code();
        boolean migrant = flag(v, "migrantWorker");
        int months = migrant ? Money.countFromVariable(v.getVariable("localEmploymentMonths"), "本地就业月数", 0) : 0;
        return new HouseholdFigures(
                requiredMoney(v, "annualIncome", "家庭年可支配收入"),
                // both are required on the form: a missing figure silently read as 0 would change the category
                requiredMoney(v, "rigidExpenditure", "刚性支出"),
                requiredMoney(v, "illnessAccidentCost", "当年因病因意外支出"),
                size, cause,
                flag(v, "ownsMultipleHomes"), flag(v, "ownsBusinessOrEmploys"), flag(v, "privateCarNonWork"),
                flag(v, "childPrivateSchoolOrAbroad"), migrant, months);
    }

    /** The applicant first, then the other members, as the household file lists them. */
    public List<HouseholdMember.Data> allMembers() {
        List<HouseholdMember.Data> all = new ArrayList<>();
        all.add(new HouseholdMember.Data(applicantName, "本人", applicantIdNumber));
        all.addAll(otherMembers);
        return all;
    }

    private static List<HouseholdMember.Data> members(Object raw, LocalDate today) {
        List<HouseholdMember.Data> result = new ArrayList<>();
        if (raw == null) {
            return result;
        }
        SpinJsonNode list = raw instanceof SpinJsonNode node ? node : JSON(raw);
        if (!list.isArray()) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "家庭成员名单格式不正确");
        }
        int row = 0;
        for (SpinJsonNode m : list.elements()) {
            row++;
            String name = field(m, "memberName");
            String relation = field(m, "memberRelation");
            String id = field(m, "memberIdNumber");
            if (name.isBlank() && relation.isBlank() && id.isBlank()) {
                continue;
            }
            if (name.isBlank() || relation.isBlank()) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "第" + row + "位家庭成员的姓名和关系不能为空");
            }
            String validName = personName(name, "第" + row + "位家庭成员的姓名");
            if (!RELATIONS.contains(relation.trim())) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT,
                        "第" + row + "位家庭成员与申请人的关系应为" + String.join("、", RELATIONS) + "之一");
            }
            String validId = id.isBlank() ? null : PersonalData.requireValidIdNumber(id, "第" + row + "位家庭成员", today);
            result.add(new HouseholdMember.Data(validName, relation.trim(), validId));
        }
        return result;
    }

    /** A row's cell as text; a list or object where a value belongs comes back as its JSON, for the checks to refuse. */
    private static String field(SpinJsonNode node, String name) {
        if (!node.hasProp(name) || node.prop(name).isNull()) {
            return "";
        }
        SpinJsonNode cell = node.prop(name);
        return cell.isValue() ? cell.value().toString() : cell.toString();
    }

    /** Figures as the form shows them. Personal data stays out (the ID number is masked). */
    public Map<String, Object> displayVariables() {
        return Map.of("applicantIdMasked", PersonalData.maskIdNumber(applicantIdNumber),
                "bankCardMasked", PersonalData.maskBankCard(bankCard));
    }
}
