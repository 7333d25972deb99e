/// Finds the box nearest a point (by the sum of the horizontal and vertical distances to its position, the lowest
/// index on a tie) through a uniform grid, so placing thousands of lines does not search every box for each end.
struct BoxLocator {
    let boxes: [TopologyScene.Box]
    let minX: Double
    let minY: Double
    let maxX: Double
    let maxY: Double
    let cell: Double
    let columns: Int
    let rows: Int
    /// Box indexes per cell, row-major, each list ascending.
    var cells: [[Int]]

    init(_ boxes: [TopologyScene.Box]) {
        self.boxes = boxes
        minX = boxes.map(\.x).min() ?? 0
        minY = boxes.map(\.y).min() ?? 0
        maxX = boxes.map(\.x).max() ?? 0
        maxY = boxes.map(\.y).max() ?? 0
        let area = max((maxX - minX) * (maxY - minY), 1)
        cell = max((area / Double(max(boxes.count, 1))).squareRoot(), 1)
        columns = Int((maxX - minX) / cell) + 1
        rows = Int((maxY - minY) / cell) + 1
        cells = Array(repeating: [], count: columns * rows)
        for (i, box) in boxes.enumerated() {
            cells[row(box.y) * columns + column(box.x)].append(i)
        }
    }

    func column(_ x: Double) -> Int { min(max(Int((x - minX) / cell), 0), columns - 1) }
    func row(_ y: Double) -> Int { min(max(Int((y - minY) / cell), 0), rows - 1) }

    /// The id of the nearest box, the same one `boxes.min { distance }` picks.
    func nearest(_ p: (x: Double, y: Double)) -> String? {
        func distance(_ i: Int) -> Double { abs(boxes[i].x - p.x) + abs(boxes[i].y - p.y) }
        guard p.x >= minX, p.x <= maxX, p.y >= minY, p.y <= maxY else {
            return boxes.indices.min { distance($0) < distance($1) }.map { boxes[$0].id }
        }
        let cx = column(p.x)
        let cy = row(p.y)
        var best: (distance: Double, index: Int)?
        var ring = 0
        while ring <= max(columns, rows) {
            for y in (cy - ring)...(cy + ring) where y >= 0 && y < rows {
                for x in (cx - ring)...(cx + ring) where x >= 0 && x < columns && (abs(y - cy) == ring || abs(x - cx) == ring) {
                    for i in cells[y * columns + x] {
                        let d = distance(i)
                        if let b = best, d > b.distance || (d == b.distance && i > b.index) { continue }
                        best = (d, i)
                    }
                }
            }
            // Boxes beyond this ring are at least `ring` whole cells away along one axis.
            if let b = best, b.distance < Double(ring) * cell { break }
            ring += 1
        }
        return best.map { boxes[$0.index].id }
    }
}
