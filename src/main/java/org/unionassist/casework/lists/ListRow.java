package org.unionassist.casework.lists;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row of a list as its columns read it, with where it came from ("上传名单第3行") so a later refusal can point at it. */
public record ListRow(String source, Map<String, Object> values) {

    public ListRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ListColumn<T> column) {
        return (T) values.get(column.key());
    }
}
