/**
 * The material routes: the kiosk host's upload of a captured picture (raw JPEG or PNG body; only
 * for a `consented` request of its own open session, NOT_FOUND for any other, WRONG_STATE before
 * consent; the image checked by material-check.ts; a refusal leaves the request `consented` so
 * another picture can be taken), and a case's materials listed and viewed by its agent or a
 * supervisor (every view recorded as a read of the case).
 */
import { PaperError, RequestError, type HttpRoutes } from '@rvw/shared';
import { randomUUID } from 'node:crypto';
import { recordRead } from '../cases/case-store';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { assertCaseReadable } from '../documents/document-routes';
import type { PaperVault } from '../documents/paper-vault';
import { accountOf, kioskOf, type RouteHandlers } from '../http/route-registrar';
import type { RvwServer } from '../socket/types';
import { pushMaterialState } from './material-area';
import { checkMaterialImage } from './material-check';
import { getMaterial, getRequest, insertMaterial, materialsOfCase, moveRequest } from './material-store';

/** What the material routes need. */
export interface MaterialRoutesDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  paper: PaperVault;
}

type MaterialRoutes = 'uploadMaterial' | 'listCaseMaterials' | 'materialImage';

/** HTTP routes of the document camera's materials. */
export function materialRouteHandlers(
  deps: MaterialRoutesDeps,
): Pick<RouteHandlers<HttpRoutes>, MaterialRoutes> {
  const { db, clock, paper, io } = deps;
  return {
    uploadMaterial: async ({ params, body }, ctx) => {
      const kiosk = kioskOf(ctx);
      const rec = await getRequest(db, params.requestId);
      if (!rec || rec.kioskId !== kiosk.id || rec.sessionEnded)
        throw RequestError.notFound('The capture request');
      if (rec.request.state !== 'consented')
        throw PaperError.wrongState(
          rec.request.state === 'asked'
            ? 'The resident has not agreed to the capture yet.'
            : `This capture request is ${rec.request.state}; the agent must ask again.`,
        );
      const image = checkMaterialImage(body, ctx.contentType);
      const at = clock();
      const id = randomUUID();
      const material = await db.transaction().execute(async (trx) => {
        const moved = await moveRequest(trx, rec.request.requestId, 'consented', {
          state: 'captured',
          materialId: id,
          at,
        });
        if (!moved)
          throw PaperError.wrongState('This capture request changed meanwhile; it takes no picture now.');
        return insertMaterial(trx, paper, {
          id,
          caseId: rec.request.caseId,
          requestId: rec.request.requestId,
          label: rec.request.label,
          ...image,
          bytes: body,
          at,
        });
      });
      const now = (await getRequest(db, rec.request.requestId))!;
      pushMaterialState(io, now, now.request);
      ctx.log.info(
        { requestId: rec.request.requestId, materialId: id, bytes: material.bytes, mime: material.mime },
        'material captured',
      );
      return { material };
    },
    listCaseMaterials: async ({ params }, ctx) => {
      await assertCaseReadable(db, accountOf(ctx), params.caseId);
      return { materials: await materialsOfCase(db, params.caseId) };
    },
    materialImage: async ({ params }, ctx) => {
      const who = accountOf(ctx);
      const found = await getMaterial(db, paper, params.materialId);
      if (!found) throw RequestError.notFound('The material');
      await assertCaseReadable(db, who, found.material.caseId);
      if (!found.image) throw RequestError.notFound('The image (removed after its retention period)');
      await recordRead(db, {
        caseId: found.material.caseId,
        agentId: who.agent.id,
        what: `material:view ${params.materialId}`,
        at: clock(),
      });
      ctx.log.info({ materialId: params.materialId, agentId: who.agent.id }, 'material viewed');
      ctx.setContentType(found.material.mime);
      return found.image;
    },
  };
}
