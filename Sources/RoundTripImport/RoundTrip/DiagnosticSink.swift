import Foundation
import RoundTripCore
import Yams

/// Collects diagnostics while walking a YAML/JSON node tree.
final class DiagnosticSink {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ node: Yams.Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ code: Diagnostic.Code, _ node: Yams.Node, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, at: location(node), message, hint: hint))
    }
}
