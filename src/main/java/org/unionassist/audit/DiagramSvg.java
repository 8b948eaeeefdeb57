package org.unionassist.audit;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A case's process as an SVG drawn from the model's own diagram (BPMN DI): every shape where the modeller put it, the
 * activities the case passed in green, where it waits now in orange, the rest in grey. A sequence flow counts as
 * taken when the case passed both its ends (the engine's history records activities, not flows). Camunda CE Cockpit
 * draws no diagram for a finished instance; this is what the auditors' case view shows instead.
 */
public final class DiagramSvg {

    private static final int MARGIN = 20;
    private static final double CHAR_WIDTH = 12.5;
    private static final int LINE_HEIGHT = 15;

    private final Set<String> visited;
    private final Set<String> waiting;
    private final StringBuilder back = new StringBuilder();
    private final StringBuilder front = new StringBuilder();

    private DiagramSvg(Set<String> visited, Set<String> waiting) {
        this.visited = visited;
        this.waiting = waiting;
    }

    public static String render(BpmnModelInstance model, Set<String> visited, Set<String> waiting) {
        return new DiagramSvg(visited, waiting).draw(model);
    }

    private String draw(BpmnModelInstance model) {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (BpmnShape shape : shapes) {
            Bounds b = shape.getBounds();
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight() + (shape.getBpmnElement() instanceof Event ? 40 : 0));
        }
        for (BpmnEdge edge : edges) {
            for (Waypoint w : edge.getWaypoints()) {
                minX = Math.min(minX, w.getX());
                minY = Math.min(minY, w.getY());
                maxX = Math.max(maxX, w.getX());
                maxY = Math.max(maxY, w.getY());
            }
        }
        for (BpmnShape shape : shapes) {
            if (shape.getBpmnElement() instanceof SubProcess) {
                shape(shape);
            }
        }
        for (BpmnEdge edge : edges) {
            edge(edge);
        }
        for (BpmnShape shape : shapes) {
            if (!(shape.getBpmnElement() instanceof SubProcess)) {
                shape(shape);
            }
        }
        double width = maxX - minX + 2 * MARGIN;
        double height = maxY - minY + 2 * MARGIN;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"case-diagram\" width=\"" + num(width)
                + "\" height=\"" + num(height) + "\" viewBox=\"" + num(minX - MARGIN) + " " + num(minY - MARGIN)
                + " " + num(width) + " " + num(height) + "\" font-family=\"'Noto Sans CJK SC','Microsoft YaHei',"
                + "sans-serif\" font-size=\"12\">"
                + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#757575\"/></marker>"
                + "<marker id=\"arrow-taken\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#2e7d32\"/></marker>"
                + "</defs>" + back + front + "</svg>";
    }

    private void shape(BpmnShape shape) {
        BaseElement element = shape.getBpmnElement();
        Bounds b = shape.getBounds();
        double x = b.getX(), y = b.getY(), w = b.getWidth(), h = b.getHeight();
        String state = waiting.contains(element.getId()) ? "waiting" : visited.contains(element.getId()) ? "visited" : "idle";
        String stroke = switch (state) {
            case "waiting" -> "#ef6c00";
            case "visited" -> "#2e7d32";
            default -> "#9e9e9e";
        };
        String fill = switch (state) {
            case "waiting" -> "#fff3e0";
            case "visited" -> "#e8f5e9";
            default -> "#ffffff";
        };
        String strokeWidth = "waiting".equals(state) ? "4" : "2";
        StringBuilder out = element instanceof SubProcess ? back : front;
        out.append("<g class=\"element ").append(state).append("\" data-element-id=\"").append(esc(element.getId()))
                .append("\">");
        if (element instanceof Event) {
            double r = Math.min(w, h) / 2;
            boolean end = element instanceof EndEvent;
            out.append(circle(x + w / 2, y + h / 2, r, stroke, fill, end ? "4" : strokeWidth));
            if (!((Event) element).getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
                out.append(circle(x + w / 2, y + h / 2, r - 4, stroke, "none", "1"));
                out.append("<path d=\"M").append(num(x + w / 2)).append(',').append(num(y + h / 2 - r + 8))
                        .append(" L").append(num(x + w / 2)).append(',').append(num(y + h / 2)).append(" L")
                        .append(num(x + w / 2 + r / 2)).append(',').append(num(y + h / 2))
                        .append("\" stroke=\"").append(stroke).append("\" fill=\"none\" stroke-width=\"1.5\"/>");
            }
            label(out, name(element), x + w / 2, y + h + 14, w + 60);
        } else if (element instanceof Gateway) {
            out.append("<polygon points=\"").append(num(x + w / 2)).append(',').append(num(y)).append(' ')
                    .append(num(x + w)).append(',').append(num(y + h / 2)).append(' ').append(num(x + w / 2))
                    .append(',').append(num(y + h)).append(' ').append(num(x)).append(',').append(num(y + h / 2))
                    .append("\" stroke=\"").append(stroke).append("\" fill=\"").append(fill)
                    .append("\" stroke-width=\"").append(strokeWidth).append("\"/>");
            String mark = element instanceof ParallelGateway ? "+" : element instanceof EventBasedGateway ? "◇" : "×";
            out.append("<text x=\"").append(num(x + w / 2)).append("\" y=\"").append(num(y + h / 2 + 7))
                    .append("\" text-anchor=\"middle\" font-size=\"22\" fill=\"").append(stroke).append("\">")
                    .append(mark).append("</text>");
            label(out, name(element), x + w / 2, y - 8, w + 80);
        } else {
            out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(w)).append("\" height=\"").append(num(h)).append("\" rx=\"10\" stroke=\"")
                    .append(stroke).append("\" fill=\"").append(element instanceof SubProcess ? "none" : fill)
                    .append("\" stroke-width=\"").append(strokeWidth).append("\"/>");
            if (element instanceof SubProcess) {
                label(out, name(element), x + w / 2, y + 16, w - 10);
            } else if (element instanceof Activity) {
                List<String> lines = wrap(name(element), w - 8);
                double top = y + h / 2 - (lines.size() - 1) * LINE_HEIGHT / 2.0 + 4;
                for (int i = 0; i < lines.size(); i++) {
                    text(out, lines.get(i), x + w / 2, top + i * LINE_HEIGHT);
                }
            }
        }
        out.append("</g>");
    }

    private void edge(BpmnEdge edge) {
        BaseElement element = edge.getBpmnElement();
        boolean taken = element instanceof SequenceFlow flow
                && visited.contains(flow.getSource().getId()) && visited.contains(flow.getTarget().getId());
        StringBuilder points = new StringBuilder();
        for (Waypoint w : edge.getWaypoints()) {
            points.append(num(w.getX())).append(',').append(num(w.getY())).append(' ');
        }
        back.append("<g class=\"flow ").append(taken ? "taken" : "idle").append("\" data-element-id=\"")
                .append(esc(element.getId())).append("\"><polyline points=\"").append(points.toString().trim())
                .append("\" fill=\"none\" stroke=\"").append(taken ? "#2e7d32" : "#9e9e9e").append("\" stroke-width=\"")
                .append(taken ? "2.5" : "1.5").append("\" marker-end=\"url(#").append(taken ? "arrow-taken" : "arrow")
                .append(")\"/>");
        String name = element instanceof FlowElement f ? f.getName() : null;
        if (name != null && !name.isBlank() && edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
            Bounds b = edge.getBpmnLabel().getBounds();
            label(back, name, b.getX() + b.getWidth() / 2, b.getY() + 12, Math.max(b.getWidth(), 60));
        }
        back.append("</g>");
    }

    private static String name(BaseElement element) {
        String name = element instanceof FlowElement f ? f.getName() : null;
        return name == null ? "" : name;
    }

    private void label(StringBuilder out, String text, double cx, double top, double width) {
        List<String> lines = wrap(text, width);
        for (int i = 0; i < lines.size(); i++) {
            text(out, lines.get(i), cx, top + i * LINE_HEIGHT);
        }
    }

    private static void text(StringBuilder out, String line, double cx, double y) {
        out.append("<text x=\"").append(num(cx)).append("\" y=\"").append(num(y))
                .append("\" text-anchor=\"middle\" fill=\"#212121\">").append(esc(line)).append("</text>");
    }

    /** Breaks a name into lines that fit the width (Chinese breaks anywhere). */
    static List<String> wrap(String text, double width) {
        int perLine = Math.max(2, (int) (width / CHAR_WIDTH));
        List<String> lines = new ArrayList<>();
        String rest = text.replace('\n', ' ').strip();
        while (rest.length() > perLine) {
            lines.add(rest.substring(0, perLine));
            rest = rest.substring(perLine);
        }
        if (!rest.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }

    private static String circle(double cx, double cy, double r, String stroke, String fill, String width) {
        return "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" stroke=\"" + stroke
                + "\" fill=\"" + fill + "\" stroke-width=\"" + width + "\"/>";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
