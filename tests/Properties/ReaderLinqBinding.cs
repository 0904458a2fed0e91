using LanguageExt;
using Nabla.Core;

namespace Nabla.Properties
{
    /// <summary>
    /// Query syntax over <c>Reader&lt;GradEnv, A&gt;</c> binds to Nabla's direct Select/SelectMany whether the usings
    /// sit at the top of the file (here; before, this bound to LanguageExt's generic, slower ones) or inside a namespace.
    /// </summary>
    public class ReaderLinqBinding
    {
        static bool Nablas(Delegate computation) => computation.Method.DeclaringType?.DeclaringType == typeof(NablaReaderLinq);

        [Fact]
        public void Query_syntax_binds_to_Nablas_methods_wherever_using_sits()
        {
            var pair = from a in Reading.Pure(1) from b in Reading.Pure(2) select a + b;
            var mapped = from a in Reading.Pure(1) select a + 1;
            Assert.True(Nablas(pair), $"top-level usings: SelectMany bound to {pair.Method.DeclaringType}");
            Assert.True(Nablas(mapped), $"top-level usings: Select bound to {mapped.Method.DeclaringType}");
            Assert.True(Nablas(Inside.Block.Pair()), $"usings inside a namespace: bound to {Inside.Block.Pair().Method.DeclaringType}");
            Assert.Equal(3, pair(GradEnv.Default).Unwrap());
            Assert.Equal(2, mapped(GradEnv.Default).Unwrap());
        }
    }
}

namespace Nabla.Properties.Inside
{
    using LanguageExt;
    using Nabla.Core;

    static class Block
    {
        public static Reader<GradEnv, int> Pair() => from a in Reading.Pure(1) from b in Reading.Pure(2) select a + b;
    }
}
