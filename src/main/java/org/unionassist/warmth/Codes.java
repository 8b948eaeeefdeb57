package org.unionassist.warmth;

import org.unionassist.casework.Coded;

/** The choices a visit and a phone-back record, as forms and files give them. */
final class Codes {

    private Codes() {
    }

    /** How a delivery is proven (凭证). */
    enum ProofKind implements Coded {
        SIGNATURE("signature", "签字"), FINGERPRINT("fingerprint", "按手印"), PHOTO("photo", "照片");

        private final String code;
        private final String label;

        ProofKind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    /** Whether the visitor reached the recipient. */
    enum Outcome implements Coded {
        DELIVERED("delivered", "已送达"), UNREACHED("unreached", "未联系上");

        private final String code;
        private final String label;

        Outcome(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }

    /** What the district heard when it phoned a recipient back. */
    enum PhoneBack implements Coded {
        CONFIRMED("confirmed", "属实，已收到"), DENIED("denied", "称未收到"), NO_ANSWER("noAnswer", "无法接通");

        private final String code;
        private final String label;

        PhoneBack(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override public String code() { return code; }
        @Override public String label() { return label; }
    }
}
