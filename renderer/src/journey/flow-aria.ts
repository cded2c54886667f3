import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * React Flow's own words for screen readers (what a node or an edge does when selected, where a
 * moved node went, a handle's name), in the app's language: its defaults are English, and each
 * flow puts them in the page whether it uses them or not. The journey map, both maps compared and
 * the process map pass these; the compared maps and the process map are not edited there, so
 * they have their own words for what their cards, places and links do.
 */
export function useFlowAriaLabels(flow: 'journey' | 'compare' | 'processMap' = 'journey') {
  const { t } = useTranslation();
  return useMemo(() => {
    const card =
      flow === 'processMap'
        ? t('program.placeDescription')
        : flow === 'compare'
          ? t('flow.compareNodeDescription')
          : undefined;
    return {
      // React Flow reads these two the other way round from their names (12.12): a map whose
      // keyboard use is on describes its nodes with «keyboardDisabled», one whose keyboard use is
      // off with «default». The journey map's cards are moved and opened by keyboard; the process
      // map's places are not.
      'node.a11yDescription.keyboardDisabled': card ?? t('flow.nodeDescription'),
      'node.a11yDescription.default': card ?? t('flow.keyboardDisabled'),
      'node.a11yDescription.ariaLiveMessage': ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) =>
        t('flow.moved', {
          direction: t(`flow.${direction}`, direction),
          x: Math.round(x),
          y: Math.round(y),
        }),
      'edge.a11yDescription.default':
        flow === 'processMap'
          ? t('program.linkDescription')
          : flow === 'compare'
            ? t('flow.compareEdgeDescription')
            : t('flow.edgeDescription'),
      'handle.ariaLabel': t('flow.handle'),
    };
  }, [t, flow]);
}
