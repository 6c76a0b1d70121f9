import { Injectable } from '@nestjs/common';
import { type ApiPrincipal, canSeeNumbers } from '@cti/auth';
import { scopedFilter, viewScope } from '../access/view-scope';
import { AuditWriter } from '../common/audit-writer';
import { invalid, notFound } from '../errors/api-error';
import { CallRecords, type CallQuery } from '../ports/call-records';
import { LiveView } from '../ports/live-view';
import { callView } from '../views/call-view';
import { CallLookup } from './call-lookup';
import { type CallNumberDto, type CallPageDto, type CallsQuery } from './calls.dto';

/** Stored calls within the caller's scope, numbers masked per role, unmasked reads audited. */
@Injectable()
export class CallsService {
  constructor(
    private readonly records: CallRecords,
    private readonly lookup: CallLookup,
    private readonly live: LiveView,
    private readonly audit: AuditWriter,
  ) {}

  async list(p: ApiPrincipal, q: CallsQuery): Promise<CallPageDto> {
    const from = q.from !== undefined ? new Date(q.from) : undefined;
    const to = q.to !== undefined ? new Date(q.to) : undefined;
    if (from && to && from >= to)
      throw invalid([{ field: 'to', problems: ['to must be after from'] }]);
    const filter = scopedFilter(
      viewScope(p),
      { team: q.team, agent: q.agent },
      (id) => this.live.agent(id)?.team,
    );
    const query: CallQuery = {
      ...(q.date !== undefined ? { day: q.date } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(filter.agent !== undefined ? { agentIds: [filter.agent] } : {}),
      ...(filter.team !== undefined ? { teamId: filter.team } : {}),
      ...(q.direction !== undefined ? { direction: q.direction } : {}),
      ...(q.effective !== undefined ? { effective: q.effective } : {}),
      page: q.page ?? 1,
      pageSize: q.pageSize ?? 50,
    };
    const page = await this.records.find(query);
    const unmasked = canSeeNumbers(p.role);
    if (unmasked && page.items.length > 0) {
      await this.audit.record(p, 'calls.list_unmasked', undefined, {
        filters: { ...q },
        calls: page.items.length,
      });
    }
    return {
      items: page.items.map((l) => callView(l, unmasked)),
      total: page.total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  /** One call's customer number, unmasked: only for roles that see numbers (the route says so). */
  async number(p: ApiPrincipal, id: string): Promise<CallNumberDto> {
    const leg = await this.lookup.find(id);
    if (!leg) throw notFound('no such call');
    await this.audit.record(p, 'call.number_read', id, { agentId: leg.agentId });
    return { id: leg.id, customerNumber: leg.customerNumber };
  }
}
