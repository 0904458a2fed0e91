// The child that tests/Examples/PersistenceTests kills at random moments.
//   Nabla.SaveLoop loop <path> <k>   saves checkpoint k, k+1, ... to <path> until killed, printing "begin k" before
//                                    and "end k" after each save (Console.Out flushes every line)
//   Nabla.SaveLoop once <path> <k>   saves one checkpoint k and prints "end k", or "failed <exception type>" (exit 3)
using Nabla.SaveLoop;

var (mode, path, first) = (args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
if (mode == "once")
{
    try { new Checkpoint(first).Save(path); }
    catch (Exception e) { Console.WriteLine($"failed {e.GetType().FullName}: {e.Message}"); return 3; }
    Console.WriteLine($"end {first}");
    return 0;
}
for (var k = first; ; k++)
{
    var model = new Checkpoint(k);
    Console.WriteLine($"begin {k}");
    model.Save(path);
    Console.WriteLine($"end {k}");
}
