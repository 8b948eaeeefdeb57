package org.unionassist.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The app nodes a test starts, killed after each test if still running (a failed test leaves no JVM behind).
 * Register with {@code @RegisterExtension final AppNodes nodes = new AppNodes();}.
 */
public final class AppNodes implements AfterEachCallback {

    private final List<AppNode> nodes = new ArrayList<>();

    /** Keeps the node to kill after the test; returns it. */
    public AppNode add(AppNode node) {
        nodes.add(node);
        return node;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (AppNode node : nodes) {
            if (node.alive()) {
                node.kill();
            }
        }
        nodes.clear();
    }
}
