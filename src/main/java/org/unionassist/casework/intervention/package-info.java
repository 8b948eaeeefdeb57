/** Manual interventions by operators (a timer fired, a case modified), recorded for auditors. Used by every programme. */
@NamedInterface("intervention")
package org.unionassist.casework.intervention;

import org.springframework.modulith.NamedInterface;
