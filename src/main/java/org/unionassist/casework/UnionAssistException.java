package org.unionassist.casework;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A refusal a user must read: the message is Chinese and safe to show (it never carries unmasked personal data),
 * the code is stable for API clients. Extends the engine's exception so Tasklist and the REST API pass both on, and
 * so that a refusal inside a service step rolls back engine and domain together.
 */
public class UnionAssistException extends ProcessEngineException {

    private final ErrorCode errorCode;

    public UnionAssistException(ErrorCode errorCode, String chineseMessage) {
        super(chineseMessage, errorCode.code());
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
