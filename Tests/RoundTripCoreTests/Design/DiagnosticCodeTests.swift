import Foundation
import RoundTripCore
import RoundTripTestSupport
import Testing

/// Diagnostic codes are a documented contract.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    @Test("every code is explained in docs/diagnostics.md", arguments: Diagnostic.Code.allCases)
    func documented(code: Diagnostic.Code) throws {
        let doc = try TestFiles.text("docs/diagnostics.md")
        #expect(doc.contains("### `\(code.rawValue)`"), "docs/diagnostics.md has no section for \(code.rawValue)")
    }

    @Test("codes are unique kebab-case identifiers")
    func unique() {
        let raw = Diagnostic.Code.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
    }
}
