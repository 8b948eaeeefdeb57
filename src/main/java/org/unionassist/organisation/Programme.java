package org.unionassist.organisation;

/**
 * A process a programme deploys, as the organisation's standing rights need it: every union group reads its
 * definition (diagrams and forms in Tasklist), and the clerks of one level of union start it ({@code startedBy};
 * null when only the application starts it). Each programme declares its processes as beans of this type;
 * {@link OrganisationSetup} grants from them, so a new programme adds no line here.
 */
public record Programme(String processKey, String name, UnionLevel startedBy) {

    public static Programme startedByGrassrootsClerks(String processKey, String name) {
        return new Programme(processKey, name, UnionLevel.GRASSROOTS);
    }

    /** A district's own process, such as a district's collective decision on a batch of applications. */
    public static Programme startedByDistrictClerks(String processKey, String name) {
        return new Programme(processKey, name, UnionLevel.DISTRICT);
    }

    /** A city's own process, such as the yearly quotas of a programme. */
    public static Programme startedByCityClerks(String processKey, String name) {
        return new Programme(processKey, name, UnionLevel.CITY);
    }

    public static Programme startedByTheApplication(String processKey, String name) {
        return new Programme(processKey, name, null);
    }

    public boolean startedByGrassrootsClerks() {
        return startedBy == UnionLevel.GRASSROOTS;
    }
}
