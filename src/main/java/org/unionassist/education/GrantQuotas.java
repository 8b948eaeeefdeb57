package org.unionassist.education;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.unionassist.engine.EngineCommands;
import org.springframework.stereotype.Service;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;

import java.util.List;

/**
 * The number of grants each district may give in a year, set by the city. An approval takes a place with one
 * conditional update of the district's row; when none is left the approval is refused, so the quota holds even when
 * two city approvers sign the last place at the same moment.
 */
@Service("grantQuotas")
public class GrantQuotas {

    static final int MOST_PLACES = 100_000;

    static final String SHOWN = "quotaShown";

    private final GrantQuotaRepository quotas;
    private final Jurisdiction jurisdiction;
    private final ShanghaiClock clock;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final EngineCommands engine;

    public GrantQuotas(GrantQuotaRepository quotas, Jurisdiction jurisdiction, ShanghaiClock clock,
                       TaskService taskService, RuntimeService runtimeService, EngineCommands engine) {
        this.quotas = quotas;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.engine = engine;
    }

    public List<GrantQuota> ofYear(int year) {
        return quotas.findByKeyGrantYearOrderByKeyDistrictUnionId(year);
    }

    /** Sets a district's places for the year; never below the grants the city has already approved. */
    public GrantQuota set(int year, String districtUnionId, int places, String setBy) {
        Union district = district(districtUnionId);
        if (places < 0 || places > MOST_PLACES) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "名额须为0至" + MOST_PLACES + "之间的整数");
        }
        GrantQuota quota = quotas.findById(new GrantQuota.Key(year, district.getId()))
                .orElseGet(() -> new GrantQuota(year, district.getId()));
        if (places < quota.getGranted()) {
            throw new UnionAssistException(EducationError.QUOTA_BELOW_GRANTED, district.getName() + year
                    + "年已批准" + quota.getGranted() + "个金秋助学名额，名额不能调低到" + places + "个");
        }
        quota.set(places, setBy, clock.now());
        GrantQuota saved = quotas.saveAndFlush(quota);
        refreshShown(year, district.getId());
        return saved;
    }

    /** The city's approval of one grant takes one of its district's places, or is refused. */
    void takePlace(EducationGrant grant) {
        int year = grant.getGrantYear();
        String districtId = grant.getDistrictUnionId();
        if (quotas.takePlace(year, districtId) == 1) {
            refreshShown(year, districtId);
            return;
        }
        String name = jurisdiction.union(districtId).getName();
        GrantQuota quota = quotas.findById(new GrantQuota.Key(year, districtId)).orElseThrow(() ->
                new UnionAssistException(EducationError.QUOTA_NOT_SET, "市总工会尚未下达" + name + year
                        + "年金秋助学名额，暂不能批准"));
        throw new UnionAssistException(EducationError.QUOTA_EXHAUSTED, name + year + "年金秋助学名额共"
                + quota.getPlaces() + "个，已全部批准使用，不能再批准：如需增加名额，请先调整该区名额");
    }

    /** Service step 查询本区名额: what the city approver sees of the district's quota before deciding. */
    public void show(DelegateExecution execution) {
        String districtId = (String) execution.getVariable("districtUnion");
        int year = ((Number) execution.getVariable("grantYear")).intValue();
        execution.setVariable(SHOWN, shown(year, districtId));
    }

    /**
     * Every application of the district and year waiting for the city shows the quota as it now stands: called in the
     * transaction that took a place or changed the places, so an approver never reads an old count.
     */
    private void refreshShown(int year, String districtId) {
        String text = shown(year, districtId);
        engine.run(() -> taskService.createTaskQuery().processDefinitionKey(GrantRecords.PROCESS)
                .taskDefinitionKey("cityApproval").processVariableValueEquals("districtUnion", districtId)
                .processVariableValueEquals("grantYear", year).list()
                .forEach(task -> runtimeService.setVariable(task.getProcessInstanceId(), SHOWN, text)));
    }

    private String shown(int year, String districtId) {
        String name = jurisdiction.union(districtId).getName();
        return quotas.placesAndGranted(year, districtId).stream().findFirst()
                .map(q -> {
                    int places = ((Number) q[0]).intValue();
                    int granted = ((Number) q[1]).intValue();
                    return name + year + "年金秋助学名额 " + places + " 个，已批准 " + granted + " 个，剩余 "
                            + (places - granted) + " 个";
                })
                .orElse(name + year + "年金秋助学名额尚未下达：下达前不能批准");
    }

    /** A district by its id, as a request names it; anything else is refused in words. */
    Union district(String unionId) {
        Union union;
        try {
            union = jurisdiction.union(unionId == null ? "" : unionId.strip());
        } catch (IllegalArgumentException unknown) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, "未知的单位：" + unionId);
        }
        if (union.getLevel() != UnionLevel.DISTRICT) {
            throw new UnionAssistException(CaseworkError.INVALID_INPUT, union.getName() + "不是区总工会");
        }
        return union;
    }
}
