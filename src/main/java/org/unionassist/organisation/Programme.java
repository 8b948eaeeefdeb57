package org.unionassist.organisation;

/**
 * A process a programme deploys, as the organisation's standing rights need it: every union group reads its
 * definition (diagrams and forms in Tasklist), and grassroots caseworkers start it when {@code startedByGrassrootsClerks}.
 * Each programme declares its processes as beans of this type; {@link OrganisationSetup} grants from them, so a new
 * programme adds no line here.
 */
public record Programme(String processKey, String name, boolean startedByGrassrootsClerks) {

    public static Programme startedByGrassrootsClerks(String processKey, String name) {
        return new Programme(processKey, name, true);
    }

    public static Programme startedByTheApplication(String processKey, String name) {
        return new Programme(processKey, name, false);
    }
}
