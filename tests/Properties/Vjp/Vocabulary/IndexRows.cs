namespace Nabla.Properties;

using FsCheck;
using FsCheck.Fluent;
using Nabla.Core;

internal static partial class GradcheckTable
{
    /// <summary>The vocabulary's index ops (issue 13), a row each.</summary>
    static GradcheckRow[] IndexRows() =>
    [
    ];
}
