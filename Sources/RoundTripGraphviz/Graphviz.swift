import CGraphviz
import Synchronization

/// Renders DOT to SVG or PNG through Graphviz's C library, in process, under one process-wide lock.
///
/// Graphviz keeps global state (error level, lexer, plugin registry) and is not thread-safe, so every call
/// runs inside ``Graphviz/lock``; results are copied out before it is released. One `GVC_t` context is created on
/// first use and reused.
public enum Graphviz {
    /// Output formats RoundTrip asks for.
    public enum Format: String, Sendable, CaseIterable {
        case svg, png, dot
    }

    /// The process-wide lock around every Graphviz call sequence, holding the reused context.
    static let lock = Mutex<Context>(Context())

    /// The reused `GVC_t`, created lazily inside the lock.
    struct Context: ~Copyable {
        var gvc: OpaquePointer?
    }

    /// Lays out `dot` with the `dot` engine and renders it.
    ///
    /// - Throws: ``GraphvizError`` with Graphviz's own message: a DOT syntax error, a layout failure (including
    ///   missing plugins when `config6a` is absent), or a render failure.
    public static func render(dot: String, format: Format = .svg, layout: String = "dot") throws(GraphvizError) -> [UInt8] {
        try lock.withLock { context throws(GraphvizError) -> [UInt8] in
            let gvc = try context.open()
            roundtrip_ag_collect_errors()
            guard let disciplines = roundtrip_disciplines_new() else { throw GraphvizError.syntax("out of memory") }
            defer { roundtrip_free(disciplines) }
            guard let graph = dot.withCString({ roundtrip_read_dot($0, disciplines) }) else {
                throw GraphvizError.syntax(lastError() ?? "the DOT text could not be parsed")
            }
            defer { agclose(graph) }
            guard gvLayout(gvc, graph, layout) == 0 else {
                throw GraphvizError.layout(engine: layout, message: lastError() ?? "layout failed")
            }
            defer { gvFreeLayout(gvc, graph) }
            var data: UnsafeMutablePointer<CChar>?
            var length = 0
            let status = roundtrip_gv_render_data(gvc, graph, format.rawValue, &data, &length)
            guard status == 0, let data else {
                throw GraphvizError.render(format: format.rawValue, message: lastError() ?? "rendering failed")
            }
            defer { gvFreeRenderData(data) }
            return data.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
        }
    }

    /// Renders to a string (SVG or DOT). The same DOT gives byte-identical output in every run: the shim numbers
    /// objects in reading order instead of by heap address (see `roundtrip_read_dot`).
    public static func renderText(dot: String, format: Format = .svg) throws(GraphvizError) -> String {
        String(decoding: try render(dot: dot, format: format), as: UTF8.self)
    }

    /// The library's version, as its context reports it.
    public static func version() throws(GraphvizError) -> String {
        try lock.withLock { context throws(GraphvizError) -> String in
            let gvc = try context.open()
            guard let text = gvcVersion(gvc) else { return String(cString: roundtrip_gv_header_version()) }
            return String(cString: text)
        }
    }

    /// The version the headers RoundTrip was built against.
    public static var headerVersion: String { String(cString: roundtrip_gv_header_version()) }

    /// Which of the usual layout engines work, by laying out a one-node graph with each.
    public static func availableLayouts() -> [String] {
        ["dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"].filter { engine in
            (try? render(dot: "digraph { a }", format: .dot, layout: engine)) != nil
        }
    }

    /// Which output formats work, by rendering a one-node graph in each.
    public static func availableFormats() -> [String] {
        Format.allCases.filter { format in
            (try? render(dot: "digraph { a }", format: format)) != nil
        }.map(\.rawValue)
    }

    /// The last error Graphviz stored; frees Graphviz's copy.
    static func lastError() -> String? {
        guard let pointer = roundtrip_ag_last_error() else { return nil }
        defer { roundtrip_free(pointer) }
        let text = String(cString: pointer).trimmingSpacesAndNewlines
        return text.isEmpty ? nil : text
    }
}

extension Graphviz.Context {
    /// The context, created on first use; checks that layout plugins loaded.
    mutating func open() throws(GraphvizError) -> OpaquePointer {
        if let gvc { return gvc }
        guard let created = gvContext() else { throw GraphvizError.noPlugins("gvContext() returned no context") }
        roundtrip_ag_collect_errors()
        // Without <libdir>/graphviz/config6a Graphviz silently loads no plugins: detect it once.
        if let probe = "digraph { a }".withCString({ agmemread($0) }) {
            defer { agclose(probe) }
            if gvLayout(created, probe, "dot") != 0 {
                let message = Graphviz.lastError() ?? "the dot layout is not available"
                gvFreeContext(created)
                throw GraphvizError.noPlugins(message)
            }
            gvFreeLayout(created, probe)
        }
        gvc = created
        return created
    }
}

/// A Graphviz failure, with Graphviz's own message.
public enum GraphvizError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The DOT text does not parse.
    case syntax(String)
    /// The layout engine failed or is unknown.
    case layout(engine: String, message: String)
    /// The renderer failed or the format is unknown.
    case render(format: String, message: String)
    /// Graphviz loaded no layout plugins: its plugin configuration (`config6a`) is missing.
    case noPlugins(String)

    /// The message shown to the user: what Graphviz failed at and, for missing plugins, how to repair the install.
    public var description: String {
        switch self {
        case .syntax(let message): return "Graphviz could not parse the DOT: \(message)"
        case .layout(let engine, let message): return "Graphviz layout '\(engine)' failed: \(message)"
        case .render(let format, let message): return "Graphviz could not render \(format): \(message)"
        case .noPlugins(let message):
            return "Graphviz has no layout plugins (\(message)); its plugin configuration <libdir>/graphviz/config6a is "
                + "missing or stale — reinstall libgvc6 or run 'dot -c' as root"
        }
    }
}

extension String {
    var trimmingSpacesAndNewlines: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
