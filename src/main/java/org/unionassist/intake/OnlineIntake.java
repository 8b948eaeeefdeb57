package org.unionassist.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionassist.casework.ShanghaiClock;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.engine.EngineCommands;
import org.unionassist.organisation.UnionMember;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files an application a channel sends: the start form's fields start the programme's process as the channel, so the
 * programme's own intake step validates them and registers the case under the channel's grassroots union, exactly as
 * when that union's clerk submits the Tasklist form. The request row (channel, idempotency key, hash of the body) is
 * inserted first, in the same transaction: a second request with the key waits on the database's unique index and then
 * finds the first one's case; a refused application rolls back the row with everything else.
 */
@Service
public class OnlineIntake {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]+");

    private final Channels channels;
    private final StartForms forms;
    private final IntakeRequestRepository requests;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final EngineCommands asEngine;
    private final ShanghaiClock clock;
    private final IntakeProperties properties;
    private final TransactionTemplate transaction;

    public OnlineIntake(Channels channels, StartForms forms, IntakeRequestRepository requests, FormService formService,
                        RepositoryService repositoryService, EngineCommands asEngine, ShanghaiClock clock,
                        IntakeProperties properties, PlatformTransactionManager transactions) {
        this.channels = channels;
        this.forms = forms;
        this.requests = requests;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.asEngine = asEngine;
        this.clock = clock;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The case an application was filed as, and whether this call was a retry of an earlier one. */
    public record Filed(IntakeRequest request, boolean replayed) {
    }

    /** Files as the channel that is logged in (the engine's current authentication, set by the REST login). */
    public Filed file(String channelUserId, IntakeProgramme programme, String idempotencyKey, JsonNode json) {
        UnionMember channel = channels.channelOf(channelUserId);
        String key = requireKey(idempotencyKey);
        ApplicationBody body = new ApplicationBody(json);
        body.requireOnly(forms.fieldsOf(programme), programme.label());
        String hash = body.hash(programme);
        Optional<IntakeRequest> earlier = requests.findByChannelIdAndIdempotencyKey(channelUserId, key);
        if (earlier.isPresent()) {
            return retry(earlier.get(), hash);
        }
        try {
            return transaction.execute(status -> start(channel, programme, key, hash, body));
        } catch (DataAccessException sameKeyAtOnce) {
            // another request with this key committed first: this one is its retry
            return requests.findByChannelIdAndIdempotencyKey(channelUserId, key).map(first -> retry(first, hash))
                    .orElseThrow(() -> sameKeyAtOnce);
        }
    }

    private Filed start(UnionMember channel, IntakeProgramme programme, String key, String hash, ApplicationBody body) {
        IntakeRequest request = requests.saveAndFlush(new IntakeRequest(channel.userId(), key, programme.processKey(),
                hash, channel.unionId(), clock.now()));
        ProcessDefinition definition = asEngine.call(() -> repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(programme.processKey()).latestVersion().singleResult());
        ProcessInstance started = formService.submitStartForm(definition.getId(), body.variables());
        request.caseStarted(started.getId(), started.getBusinessKey());
        return new Filed(requests.save(request), false);
    }

    private static Filed retry(IntakeRequest earlier, String hash) {
        if (!earlier.getBodyHash().equals(hash)) {
            throw new UnionAssistException(IntakeError.IDEMPOTENCY_KEY_REUSED, "该幂等键（Idempotency-Key）已用于另一份申请（案件号 "
                    + earlier.getCaseNumber() + "）：重试时请原样提交同一份申请，新的申请请使用新的幂等键");
        }
        return new Filed(earlier, true);
    }

    private String requireKey(String raw) {
        String key = raw == null ? "" : raw.strip();
        if (key.isEmpty() || key.length() > properties.maxKeyLength() || !KEY.matcher(key).matches()) {
            throw new UnionAssistException(IntakeError.IDEMPOTENCY_KEY_MISSING, "每次提交都须带请求头 Idempotency-Key："
                    + "由渠道为每份申请生成的唯一值（如 UUID），1至" + properties.maxKeyLength() + "个可见英文字符，重试时保持不变");
        }
        return key;
    }
}
