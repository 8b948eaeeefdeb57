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
import static org.unionassist.casework.FormValues.requiredText;
import static org.unionassist.casework.FormValues.text;

/**
 * An application as entered on the form, validated. Reads variables the way Tasklist submits them (numbers as
 * Integer/Long/Double, lists as Json) and refuses bad input with a Chinese message before anything is saved.
 */
public record ApplicationData(String applicantName, String applicantIdNumber, String applicantPhone,
                              List<HouseholdMember.Data> otherMembers, HouseholdFigures figures, String bankCard) {

    public static ApplicationData from(VariableScope v, LocalDate today) {
        String name = requiredText(v, "applicantName", "申请人姓名", 50);
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
        String cause = text(v, "hardshipCause");
        cause = cause == null || cause.isBlank() ? "none" : cause;
        HardshipCause.fromCode(cause);
        boolean migrant = flag(v, "migrantWorker");
        int months = migrant ? Money.countFromVariable(v.getVariable("localEmploymentMonths"), "本地就业月数", 0) : 0;
        return new HouseholdFigures(
                Money.fromVariable(v.getVariable("annualIncome"), "家庭年可支配收入"),
                Money.fromVariable(orZero(v.getVariable("rigidExpenditure")), "刚性支出"),
                Money.fromVariable(orZero(v.getVariable("illnessAccidentCost")), "当年因病因意外支出"),
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
            String validId = id.isBlank() ? null : PersonalData.requireValidIdNumber(id, "第" + row + "位家庭成员", today);
            result.add(new HouseholdMember.Data(name.trim(), relation.trim(), validId));
        }
        return result;
    }

    private static String field(SpinJsonNode node, String name) {
        return node.hasProp(name) && !node.prop(name).isNull() ? node.prop(name).value().toString() : "";
    }

    private static Object orZero(Object value) {
        return value == null || (value instanceof String s && s.isBlank()) ? 0 : value;
    }

    /** Figures as the form shows them. Personal data stays out (the ID number is masked). */
    public Map<String, Object> displayVariables() {
        return Map.of("applicantIdMasked", PersonalData.maskIdNumber(applicantIdNumber),
                "bankCardMasked", PersonalData.maskBankCard(bankCard));
    }
}
