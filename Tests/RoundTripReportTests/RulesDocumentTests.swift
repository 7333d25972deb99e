import Foundation
import RoundTripTestSupport
import Testing

/// docs/rules.md explains every rule id the code cites (issue 12, item 5).
@Suite("rules document")
struct RulesDocumentTests {
    @Test("every rule id cited in Sources has an entry with a heading in docs/rules.md, and every SARIF rule too")
    func everyRuleExplained() throws {
        let document = try TestFiles.text("docs/rules.md")
        let headings = Set(document.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { String($0.dropFirst(4)) })
        let pattern = try NSRegularExpression(pattern: "\\b(?:R|P|L|N|F|A|M|K|G|PE|B|D|S)[0-9]+[a-z]?\\b")
        var cited = Set<String>()
        let sources = TestFiles.url("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            // Only ids inside string literals and comments about rules: text between quotes or after "(".
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range, in: text) else { continue }
                let before = text[text.index(range.lowerBound, offsetBy: -1, limitedBy: text.startIndex) ?? text.startIndex]
                if before == "(" || before == " " || before == "\"" || before == "," { cited.insert(String(text[range])) }
            }
        }
        let missing = cited.subtracting(headings).filter { id in
            // Identifiers that are not rule ids (e.g. generic parameters) never sit in a rules sentence.
            !["A", "B", "D"].contains(id)
        }
        #expect(missing.isEmpty, "no entry in docs/rules.md for \(missing.sorted())")
        for id in (1...10).map({ String(format: "RT%03d", $0) }) { #expect(headings.contains(id)) }
        #expect(document.components(separatedBy: "Learn: https://learn.microsoft.com/").count > 100)
    }
}
