package org.unionassist.organisation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who is above whom: a union's jurisdiction is itself plus everything below it. */
@Service
@Transactional(readOnly = true)
public class Jurisdiction {

    private final UnionRepository unions;

    public Jurisdiction(UnionRepository unions) {
        this.unions = unions;
    }

    public Union union(String unionId) {
        return unions.findById(unionId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown union " + unionId));
    }

    /** The union itself, then its parent, up to the city. */
    public List<Union> selfAndAncestors(String unionId) {
        List<Union> chain = new ArrayList<>();
        Union current = union(unionId);
        chain.add(current);
        while (current.getParentId() != null) {
            current = union(current.getParentId());
            chain.add(current);
        }
        return chain;
    }

    public Union ancestorAtLevel(String unionId, UnionLevel level) {
        return selfAndAncestors(unionId).stream()
                .filter(u -> u.getLevel() == level)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Union " + unionId + " has no " + level + " above it"));
    }

    public Set<String> unionsWithin(String unionId) {
        Set<String> result = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(unionId));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (result.add(next)) {
                unions.findByParentId(next).forEach(child -> todo.add(child.getId()));
            }
        }
        return result;
    }

    public boolean covers(String unionId, String otherUnionId) {
        return selfAndAncestors(otherUnionId).stream().anyMatch(u -> u.getId().equals(unionId));
    }

    /** The unions directly below one (a city's districts, a district's grassroots unions), by id. */
    public List<Union> unionsBelow(String unionId) {
        return unions.findByParentId(unionId).stream().sorted(java.util.Comparator.comparing(Union::getId)).toList();
    }

    /** Every union of a level (the districts of the city…), by id. */
    public List<Union> unionsAt(UnionLevel level) {
        return unions.findAll().stream().filter(u -> u.getLevel() == level)
                .sorted(java.util.Comparator.comparing(Union::getId)).toList();
    }
}
