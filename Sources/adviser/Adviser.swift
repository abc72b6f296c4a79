@main
struct Adviser {
    static func main() {}
}
