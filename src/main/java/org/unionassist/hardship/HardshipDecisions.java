package org.unionassist.hardship;

import org.springframework.stereotype.Component;
import org.unionassist.casework.signoff.Decision;

/**
 * The decisions only 困难职工认定 takes, beside casework's shared ones. A bean so that they are declared when the
 * application starts, before a step or the audit trail reads one by its code.
 */
@Component
public final class HardshipDecisions {

    public static final Decision KEEP = Decision.declare("keep", "维持档案", false);
    public static final Decision RECATEGORISE = Decision.declare("recategorise", "调整困难类别", true);
    public static final Decision CLOSE = Decision.declare("close", "退出帮扶（关闭档案）", true);
    public static final Decision FILE = Decision.declare("file", "建档", false);
}
