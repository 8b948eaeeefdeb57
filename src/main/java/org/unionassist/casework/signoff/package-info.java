/** Sign-offs: the step rules a model declares, the base sign-off policy a programme extends, and the audit trail. Used by every programme. */
@NamedInterface("signoff")
package org.unionassist.casework.signoff;

import org.springframework.modulith.NamedInterface;
