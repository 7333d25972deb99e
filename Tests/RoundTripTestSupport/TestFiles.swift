import Foundation
import RoundTripCore
import RoundTripImport

/// Paths and loaders shared by the test targets.
public enum TestFiles {
    /// The repository root (found from this file's path).
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A path relative to the repository root.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The files in a folder with one of the extensions, sorted, as repository-relative paths.
    public static func list(_ folder: String, extensions: [String] = ["yaml", "yml", "json"]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { name in extensions.contains { name.hasSuffix("." + $0) } }.sorted().map { "\(folder)/\($0)" }
    }

    /// The text of a repository file.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    /// Reads a design file through ``DesignImporter`` (messages name the repository-relative path).
    public static func design(_ relative: String) throws -> Design {
        try DesignImporter.importDesign(Data(contentsOf: url(relative)), file: relative)
    }

    /// Reads and compiles a design file.
    public static func topology(_ relative: String, strict: Bool = false) throws -> Topology {
        try Topology.compile(design(relative), strict: strict)
    }
}

extension SplitMix64 {
    /// A value in 0..<n (0 when n is 0).
    public mutating func below(_ n: Int) -> Int { n == 0 ? 0 : Int(next() % UInt64(n)) }
}
