using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGms.Orders.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders_glh",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_glh", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "orders_glh_specialist_test",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    GlhCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_glh_specialist_test", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "orders_order",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TestCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IndicationCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TestName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EditionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EditionVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Panels = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationOds = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    HpoTerms = table.Column<string>(type: "TEXT", nullable: false),
                    ClinicalNotes = table.Column<string>(type: "TEXT", nullable: true),
                    Relatives = table.Column<string>(type: "TEXT", nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Eligible = table.Column<bool>(type: "INTEGER", nullable: true),
                    EligibilitySummary = table.Column<string>(type: "TEXT", nullable: true),
                    EligibilityCriteria = table.Column<string>(type: "TEXT", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", nullable: true),
                    GlhCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RoutingReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HeldFrom = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BusinessStatus = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_order", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orders_glh_organisation",
                columns: table => new
                {
                    OdsCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GlhCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_glh_organisation", x => x.OdsCode);
                    table.ForeignKey(
                        name: "FK_orders_glh_organisation_orders_glh_GlhCode",
                        column: x => x.GlhCode,
                        principalTable: "orders_glh",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_sample",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecimenId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TypeDisplay = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CollectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_sample", x => x.Id);
                    table.ForeignKey(
                        name: "FK_orders_sample_orders_order_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders_order",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "orders_status_change",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BusinessStatus = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_status_change", x => x.Sequence);
                    table.ForeignKey(
                        name: "FK_orders_status_change_orders_order_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders_order",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_orders_glh_organisation_GlhCode",
                table: "orders_glh_organisation",
                column: "GlhCode");

            migrationBuilder.CreateIndex(
                name: "IX_orders_order_GlhCode_Status_CreatedAt",
                table: "orders_order",
                columns: new[] { "GlhCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_order_PatientId",
                table: "orders_order",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_orders_order_RequestedBy_CreatedAt",
                table: "orders_order",
                columns: new[] { "RequestedBy", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_sample_OrderId_SpecimenId",
                table: "orders_sample",
                columns: new[] { "OrderId", "SpecimenId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_status_change_OrderId_Sequence",
                table: "orders_status_change",
                columns: new[] { "OrderId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_status_change_To",
                table: "orders_status_change",
                column: "To");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_glh_organisation");

            migrationBuilder.DropTable(
                name: "orders_glh_specialist_test");

            migrationBuilder.DropTable(
                name: "orders_sample");

            migrationBuilder.DropTable(
                name: "orders_status_change");

            migrationBuilder.DropTable(
                name: "orders_glh");

            migrationBuilder.DropTable(
                name: "orders_order");
        }
    }
}
