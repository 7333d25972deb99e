import Foundation
import Testing

/// Golden files: an output compared byte for byte with a file kept in the repository.
///
/// Set `RECORD_GOLDEN=1` in the environment to rewrite the files instead of comparing (after a deliberate change;
/// say why in the commit). A missing golden file fails the test unless recording.
public enum Golden {
    /// Whether this run rewrites golden files (`RECORD_GOLDEN=1`).
    public static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
}

/// Compares `actual` with the repository file `path` (repository-relative), or rewrites the file when recording.
public func expectGolden(_ actual: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = TestFiles.url(path)
    if Golden.recording {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record \(path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("golden file \(path) is missing; run the tests with RECORD_GOLDEN=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end of output>"
        let want = line < e.count ? String(e[line]) : "<end of file>"
        Issue.record(
            "\(path) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\nrerun with RECORD_GOLDEN=1 if the change is intended",
            sourceLocation: sourceLocation)
    }
}
