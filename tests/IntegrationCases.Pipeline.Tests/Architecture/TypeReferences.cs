using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace IntegrationCases.Pipeline.Tests.Architecture;

/// <summary>
/// Which namespaces of a built assembly use which of its other namespaces, read with System.Reflection.Metadata:
/// every type's base type, interfaces, generic constraints, attributes, field, method and property signatures,
/// and every type, method and field token in its method bodies (lambdas and async state machines are nested
/// types, so they count for the type that declares them). Only types defined in the same assembly are followed.
/// </summary>
internal static class TypeReferences
{
    /// <summary>Operand sizes of every IL opcode, from the runtime's own table.</summary>
    private static readonly Dictionary<ushort, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value), o => o.OperandType);

    /// <summary>Edges (from namespace, to namespace) between distinct namespaces, each with one example 'Type -> Type'.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> BetweenNamespaces(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        var edges = new Dictionary<(string, string), string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var from = OutermostNamespace(md, handle);
            foreach (var used in Used(md, pe, handle))
            {
                var to = OutermostNamespace(md, used);
                if (from.Length > 0 && to.Length > 0 && from != to)
                {
                    edges.TryAdd((from, to), $"{Name(md, handle)} -> {Name(md, used)}");
                }
            }
        }

        return edges;
    }

    private static HashSet<TypeDefinitionHandle> Used(MetadataReader md, PEReader pe, TypeDefinitionHandle handle)
    {
        var found = new HashSet<TypeDefinitionHandle>();
        var provider = new Collector(found);
        var type = md.GetTypeDefinition(handle);
        Add(md, provider, type.BaseType);
        foreach (var i in type.GetInterfaceImplementations())
        {
            Add(md, provider, md.GetInterfaceImplementation(i).Interface);
        }

        AddGenericConstraints(md, provider, type.GetGenericParameters());
        AddAttributes(md, provider, type.GetCustomAttributes());
        foreach (var f in type.GetFields())
        {
            var field = md.GetFieldDefinition(f);
            field.DecodeSignature(provider, null);
            AddAttributes(md, provider, field.GetCustomAttributes());
        }

        foreach (var p in type.GetProperties())
        {
            md.GetPropertyDefinition(p).DecodeSignature(provider, null);
        }

        foreach (var m in type.GetMethods())
        {
            var method = md.GetMethodDefinition(m);
            method.DecodeSignature(provider, null);
            AddGenericConstraints(md, provider, method.GetGenericParameters());
            AddAttributes(md, provider, method.GetCustomAttributes());
            if (method.RelativeVirtualAddress != 0)
            {
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                }

                foreach (var token in Tokens(body.GetILReader()))
                {
                    Add(md, provider, MetadataTokens.EntityHandle(token));
                }
            }
        }

        found.Remove(handle);
        return found;
    }

    /// <summary>Every metadata token operand of an IL stream (types, methods, fields, signatures).</summary>
    private static IEnumerable<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            ushort code = il.ReadByte();
            if (code == 0xFE)
            {
                code = (ushort)(0xFE00 | il.ReadByte());
            }

            switch (OperandTypes[code])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                    tokens.Add(il.ReadInt32());
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32(); // read before Offset: 'Offset += 4 * ReadInt32()' would take the old offset
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineString or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }

        return tokens;
    }

    private static void Add(MetadataReader md, Collector provider, EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                provider.Found.Add((TypeDefinitionHandle)handle);
                break;
            case HandleKind.TypeSpecification:
                md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null);
                break;
            case HandleKind.MethodDefinition:
                provider.Found.Add(md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.FieldDefinition:
                provider.Found.Add(md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                Add(md, provider, member.Parent);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    member.DecodeMethodSignature(provider, null);
                }
                else
                {
                    member.DecodeFieldSignature(provider, null);
                }

                break;
            case HandleKind.MethodSpecification:
                var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                Add(md, provider, spec.Method);
                spec.DecodeSignature(provider, null);
                break;
            case HandleKind.StandaloneSignature:
                var signature = md.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                if (signature.GetKind() == StandaloneSignatureKind.Method)
                {
                    signature.DecodeMethodSignature(provider, null);
                }

                break;
        }
    }

    private static void AddAttributes(MetadataReader md, Collector provider, CustomAttributeHandleCollection attributes)
    {
        foreach (var a in attributes)
        {
            Add(md, provider, md.GetCustomAttribute(a).Constructor);
        }
    }

    private static void AddGenericConstraints(MetadataReader md, Collector provider, GenericParameterHandleCollection parameters)
    {
        foreach (var p in parameters)
        {
            foreach (var c in md.GetGenericParameter(p).GetConstraints())
            {
                Add(md, provider, md.GetGenericParameterConstraint(c).Type);
            }
        }
    }

    private static string OutermostNamespace(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = md.GetTypeDefinition(type.GetDeclaringType());
        }

        return md.GetString(type.Namespace);
    }

    private static string Name(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var name = md.GetString(type.Name);
        return type.IsNested ? $"{Name(md, type.GetDeclaringType())}+{name}" : $"{md.GetString(type.Namespace)}.{name}";
    }

    /// <summary>Decodes signatures, keeping every type defined in this assembly that they mention.</summary>
    private sealed class Collector(HashSet<TypeDefinitionHandle> found) : ISignatureTypeProvider<object?, object?>
    {
        public HashSet<TypeDefinitionHandle> Found => found;

        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            found.Add(handle);
            return null;
        }

        public object? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;

        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;

        public object? GetSZArrayType(object? elementType) => null;

        public object? GetArrayType(object? elementType, ArrayShape shape) => null;

        public object? GetByReferenceType(object? elementType) => null;

        public object? GetPointerType(object? elementType) => null;

        public object? GetPinnedType(object? elementType) => null;

        public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;

        public object? GetGenericMethodParameter(object? genericContext, int index) => null;

        public object? GetGenericTypeParameter(object? genericContext, int index) => null;

        public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;

        public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;
    }
}
