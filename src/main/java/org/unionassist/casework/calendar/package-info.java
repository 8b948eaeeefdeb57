/** The shared working-day calendar (public notice periods and deadlines in working days). Used by every programme. */
@NamedInterface("calendar")
package org.unionassist.casework.calendar;

import org.springframework.modulith.NamedInterface;
