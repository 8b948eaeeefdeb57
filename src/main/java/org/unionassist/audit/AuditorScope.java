package org.unionassist.audit;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;
import org.unionassist.casework.CaseworkError;
import org.unionassist.casework.UnionAssistException;
import org.unionassist.casework.register.CaseEntry;
import org.unionassist.organisation.Jurisdiction;
import org.unionassist.organisation.Members;
import org.unionassist.organisation.Role;
import org.unionassist.organisation.Union;
import org.unionassist.organisation.UnionLevel;

import java.util.List;

/**
 * What the logged-in auditor may read: the cases of every union they are 经费审查委员 of, and of every union below it.
 * Decided on the server for every call of the workspace; a user who audits no union is refused.
 */
@Component
public class AuditorScope {

    private final IdentityService identityService;
    private final Members members;
    private final Jurisdiction jurisdiction;

    public AuditorScope(IdentityService identityService, Members members, Jurisdiction jurisdiction) {
        this.identityService = identityService;
        this.members = members;
        this.jurisdiction = jurisdiction;
    }

    /** The caller's scope; refuses (403) a caller who is not an auditor. */
    public Scope current() {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "请先登录");
        }
        List<Union> audited = members.rolesOf(caller.getUserId()).stream()
                .filter(m -> m.role() == Role.AUDITOR)
                .map(m -> jurisdiction.union(m.unionId()))
                .toList();
        if (audited.isEmpty()) {
            throw new UnionAssistException(CaseworkError.NOT_AUTHORIZED, "审计工作台仅供经费审查委员使用");
        }
        return new Scope(caller.getUserId(), caller.getGroupIds() == null ? List.of() : caller.getGroupIds(), audited,
                jurisdiction);
    }

    public static final class Scope {
        private final String userId;
        private final List<String> groupIds;
        private final List<Union> audited;
        private final Jurisdiction jurisdiction;

        Scope(String userId, List<String> groupIds, List<Union> audited, Jurisdiction jurisdiction) {
            this.userId = userId;
            this.groupIds = List.copyOf(groupIds);
            this.audited = audited;
            this.jurisdiction = jurisdiction;
        }

        public String userId() {
            return userId;
        }

        /** The groups the caller logged in with: the engine grants each case's read right to groups. */
        public List<String> groupIds() {
            return groupIds;
        }

        /** The unions the caller audits (each with everything below it). */
        public List<Union> audited() {
            return audited;
        }

        public boolean covers(CaseEntry entry) {
            return audited.stream().anyMatch(u -> u.getId().equals(unionAtLevel(entry, u.getLevel())));
        }

        /** Whether the caller audits this union; an id that names no union is refused as unknown (400). */
        public boolean coversUnion(String unionId) {
            knownUnion(unionId);
            return audited.stream().anyMatch(u -> jurisdiction.covers(u.getId(), unionId));
        }

        /** The union of this id, or a refusal (400) naming the id as unknown. */
        public Union knownUnion(String unionId) {
            try {
                return jurisdiction.union(unionId);
            } catch (IllegalArgumentException e) {
                throw new UnionAssistException(CaseworkError.INVALID_INPUT, "未知的单位：" + unionId);
            }
        }

        /** The register rows this scope may read: for each audited union, the rows whose column at its level is it. */
        public Predicate restrict(Root<CaseEntry> root, CriteriaBuilder cb) {
            return cb.or(audited.stream()
                    .map(u -> cb.equal(root.get(column(u.getLevel())), u.getId()))
                    .toArray(Predicate[]::new));
        }

        /**
         * The same restriction in SQL, over a table (aliased {@code alias}) with the register's union columns; the
         * union ids go in as parameters {@code scope0}, {@code scope1}, ….
         */
        public String sql(String alias, MapSqlParameterSource params) {
            List<String> any = new java.util.ArrayList<>();
            for (int i = 0; i < audited.size(); i++) {
                Union u = audited.get(i);
                params.addValue("scope" + i, u.getId());
                any.add(alias + "." + sqlColumn(u.getLevel()) + " = :scope" + i);
            }
            return "(" + String.join(" or ", any) + ")";
        }

        /** Every union id the caller audits, those below included. */
        public java.util.Set<String> unionIds() {
            java.util.Set<String> ids = new java.util.LinkedHashSet<>();
            audited.forEach(u -> ids.addAll(jurisdiction.unionsWithin(u.getId())));
            return ids;
        }

        static String sqlColumn(UnionLevel level) {
            return switch (level) {
                case GRASSROOTS -> "grassroots_union_id";
                case DISTRICT -> "district_union_id";
                case CITY -> "city_union_id";
            };
        }

        static String column(UnionLevel level) {
            return switch (level) {
                case GRASSROOTS -> "grassrootsUnionId";
                case DISTRICT -> "districtUnionId";
                case CITY -> "cityUnionId";
            };
        }

        private static String unionAtLevel(CaseEntry entry, UnionLevel level) {
            return switch (level) {
                case GRASSROOTS -> entry.getGrassrootsUnionId();
                case DISTRICT -> entry.getDistrictUnionId();
                case CITY -> entry.getCityUnionId();
            };
        }
    }
}
