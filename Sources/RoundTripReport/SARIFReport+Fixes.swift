import RoundTripCore

// The SARIF objects of verified fixes (fixes with artifactChanges) and accepted findings (suppressions).

extension SARIFReport {
    /// A verified fix that can be written into the design file: a line inserted before another.
    struct Fix: Encodable {
        var description: Text
        var artifactChanges: [ArtifactChange]
        init(_ fix: SuggestedFix, _ insertion: DesignChange.Insertion) {
            description = Text(text: "Verified by re-tracing: \(fix.description)")
            artifactChanges = [
                ArtifactChange(
                    artifactLocation: ArtifactLocation(uri: SARIFReport.uri(insertion.file)),
                    replacements: [
                        Replacement(
                            deletedRegion: Region(startLine: insertion.line, startColumn: 1, endLine: insertion.line, endColumn: 1),
                            insertedContent: Content(text: insertion.text))
                    ])
            ]
        }
    }
    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }
    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Content
    }
    struct Content: Encodable { var text: String }
    /// A reviewed finding that does not fail the run (`accepted:` in the design, or a baseline).
    struct Suppression: Encodable {
        var kind: String
        var status: String
        var justification: String
    }
}
