/**
 * Lists of people a programme reads in bulk (enrolment rosters, recipient lists): typed form rows, pasted lines, CSV
 * and Excel files, read through the columns the programme declares. Used by every programme.
 */
@NamedInterface("lists")
package org.unionassist.casework.lists;

import org.springframework.modulith.NamedInterface;
