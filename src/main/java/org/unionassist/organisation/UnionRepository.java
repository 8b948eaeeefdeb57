package org.unionassist.organisation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface UnionRepository extends JpaRepository<Union, String> {

    List<Union> findByParentId(String parentId);
}
