/**
 * The case register: one row per case of every programme, kept by the shared skeleton for the auditors' search.
 */
@org.springframework.modulith.NamedInterface("register")
package org.unionassist.casework.register;
